"""The application: the REST API and the web pages on one FastAPI app, one gateway for both, one error shape.

    app = create_app(Settings())
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ukimet import __version__
from ukimet.api.session import Sessions
from ukimet.core.errors import ConfigError, PolicyError, UkimetError
from ukimet.core.settings import Settings
from ukimet.gateway.api import Gateway

log = logging.getLogger("ukimet.api")
UNAUTHENTICATED = ("sign-in", "API token")


def status_of(error: UkimetError) -> int:
    if isinstance(error, PolicyError):
        if error.reason == "limit":
            return 429
        if error.what in UNAUTHENTICATED:
            return 401
        if error.reason == "not_found":
            return 404
        return 404 if error.why.startswith(("no such", "there is no", "no linked", "no family")) else 403
    return 422 if isinstance(error, ConfigError) else 409  # invalid input: a policy, a setting, a field


def problem(status: int, what: str, why: str, fix: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "what": what, "why": why, "fix": fix}}, status_code=status)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def create_app(config: Settings | None = None) -> FastAPI:
    from importlib import resources

    from ukimet.api import rest, web

    config = config or Settings()
    app = FastAPI(title="ukimet", version=__version__, openapi_url="/api/v1/openapi.json", docs_url="/api/v1/docs",
                  redoc_url=None, description="The governed API of ukimet: every read of citizen data is checked, "
                  "rewritten by policy and audited. Errors: {\"error\": {status, what, why, fix}}.")
    app.state.gateway = Gateway(config)
    app.state.sessions = Sessions(config)

    @app.exception_handler(UkimetError)
    async def ukimet_error(request: Request, error: UkimetError) -> Response:
        status = status_of(error)
        if _wants_html(request):
            if status == 401:
                return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
            return web.error_page(request, status, error.what, error.why, error.fix)
        response = problem(status, error.what, error.why, error.fix)
        if getattr(error, "retry_after", None):
            response.headers["Retry-After"] = str(error.retry_after)  # type: ignore[attr-defined]
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return problem(422, f"request field {where or '?'}", str(first.get("msg", "it is not valid")),
                       "send the fields as the API's schema describes (/api/v1/docs)")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        what = {404: "address", 405: "method"}.get(error.status_code, "request")
        if _wants_html(request):
            return web.error_page(request, error.status_code, what, str(error.detail), "go back to the start page")
        return problem(error.status_code, what, str(error.detail), "see /api/v1/docs")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)  # details in the server log, not the response
        return problem(500, "ukimet", "an unexpected error happened; it is logged", "tell the administrator")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = ("default-src 'self'; img-src 'self' data:; "
                                                       "style-src 'self'; frame-ancestors 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if not request.url.path.startswith("/static/"):  # pages and answers may hold personal data: never cached
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
        return response

    app.include_router(rest.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("ukimet.api").joinpath("static"))), name="static")
    return app
