"""The application: the REST API and the web pages on one FastAPI app, one gateway for both, one error shape.

    app = create_app(Settings())
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ukimet import __version__
from ukimet.api.problems import api_language, problem, status_of
from ukimet.api.session import Sessions
from ukimet.core.errors import InvalidInput, NotFound, UkimetError
from ukimet.core.settings import Settings
from ukimet.gateway.api import Gateway

log = logging.getLogger("ukimet.api")


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


_HEADERS = [(b"content-security-policy",
             b"default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"),
            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
_NOT_KEPT = [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]


class SecurityHeaders:
    """Every answer's security headers, and no caching of anything but static assets (pages and answers may hold
    personal data). A plain ASGI middleware: Starlette's ``BaseHTTPMiddleware`` (``@app.middleware``) runs every
    request through a task group and a stream of its own, a noticeable share of a fast request."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = _HEADERS if str(scope.get("path", "")).startswith("/static/") else _HEADERS + _NOT_KEPT
        names = {name for name, _ in added}

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + added}
            await send(message)

        await self.app(scope, receive, with_headers)


def _warm() -> None:
    """Load what answers need before the first request, not during it: the question parser's vocabulary, the
    person view and OpenDP (their first use took up to 2 s of a request's time under load)."""
    import importlib

    from ukimet.gateway import privacy
    from ukimet.model.semantic import default_layer

    for module in ("ukimet.apps.questions", "ukimet.gateway.person", "ukimet.apps.family_card"):
        importlib.import_module(module)
    default_layer()
    privacy.noisy_counts([0], 1, 1.0)


DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ukimet API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/v1/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/v1/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script></body></html>
"""


def _api_docs(app: FastAPI) -> None:
    """The API's reference at /api/v1/docs: Swagger UI 5 (it reads OpenAPI 3.1, which FastAPI writes), its assets
    from the PyPI package fastapi-offline, served by the app itself under the content-security policy (no CDN, no
    inline script: it starts from /static/api-docs.js)."""
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/api/v1/docs/assets", StaticFiles(directory=str(assets)), name="api-docs")

    @app.get("/api/v1/docs", include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)


def create_app(config: Settings | None = None) -> FastAPI:
    from importlib import resources

    from ukimet.api import rest, web

    config = config or Settings()
    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # requests that read the store run on worker threads: a few per process keep the cores busy (DuckDB
        # works without Python's lock), more only make them take turns for it and every answer slower
        anyio.to_thread.current_default_thread_limiter().total_tokens = config.serve_threads
        _warm()
        yield

    app = FastAPI(lifespan=lifespan, title="ukimet", version=__version__, openapi_url="/api/v1/openapi.json",
                  docs_url=None,
                  redoc_url=None, description="The governed API of ukimet: every read of citizen data is checked, "
                  "rewritten by policy and audited. Errors: {\"error\": {id, status, what, why, fix}}, the "
                  "status from the error's kind, the message in the Accept-Language asked for (kk, ru, en).")
    app.state.gateway = Gateway(config)
    app.state.sessions = Sessions(config)

    @app.exception_handler(UkimetError)
    async def ukimet_error(request: Request, error: UkimetError) -> Response:
        return _answer(request, error)

    def _answer(request: Request, error: UkimetError, status: int | None = None) -> Response:
        status = status or status_of(error)
        if _wants_html(request):
            if status == 401:
                return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
            return web.error_page(request, error, status)
        return problem(error, api_language(request.headers.get("accept-language")), status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _answer(request, InvalidInput("request.field", field=where or "?",
                                             detail=str(first.get("msg", "it is not valid"))))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        said = {404: NotFound("request.address"), 405: UkimetError("request.method")}.get(
            error.status_code) or UkimetError("request.other", detail=str(error.detail))
        return _answer(request, said, error.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)  # details in the server log, not the response
        return problem(UkimetError("internal"), api_language(request.headers.get("accept-language")))

    app.add_middleware(SecurityHeaders)

    app.include_router(rest.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("ukimet.api").joinpath("static"))), name="static")
    _api_docs(app)
    return app
