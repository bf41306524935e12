"""Access and limits of the HTTP API: API keys, loopback-only when none is set, rate limit, CORS, JSON errors.

Every error leaves as `{"error": {"code": "...", "message": "<en français>"}}` with a stable code,
FastAPI's own validation errors and 404/405 included. The rate limit is a moving window per key
(per client address when no key is configured), kept in memory by the `limits` library: it is
per process, which is what one `missions serve` is.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import math
import time
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.errors import InvalidQuestion, MissionsError, UnknownMission
from bot.settings import Settings

log = logging.getLogger(__name__)

# Status -> (stable code, French message) for the errors Starlette and FastAPI raise themselves.
_HTTP_ERRORS = {
    400: ("requete_invalide", "La requête est mal formée."),
    401: ("cle_manquante", "Une clé d'API est requise."),
    403: ("acces_refuse", "Accès refusé."),
    404: ("introuvable", "Cette adresse n'existe pas."),
    405: ("methode_non_permise", "Cette méthode HTTP n'est pas permise à cette adresse."),
    413: ("requete_trop_volumineuse", "La requête est trop volumineuse."),
    415: ("type_non_pris_en_charge", "Le corps de la requête doit être du JSON."),
    422: ("requete_invalide", "La requête n'est pas valide."),
    429: ("trop_de_requetes", "Trop de requêtes : réessayez plus tard."),
    500: ("erreur_interne", "Erreur interne du serveur."),
    503: ("indisponible", "Le service est momentanément indisponible."),
}
# Pydantic error type -> what is wrong with the field, in French.
_FIELD_PROBLEMS = {
    "missing": "manquant",
    "string_type": "doit être une chaîne de caractères",
    "int_parsing": "doit être un entier",
    "int_type": "doit être un entier",
    "bool_parsing": "doit être un booléen (true ou false)",
    "bool_type": "doit être un booléen",
    "list_type": "doit être une liste",
    "dict_type": "doit être un objet JSON",
    "model_type": "doit être un objet JSON",
    "model_attributes_type": "doit être un objet JSON",
    "literal_error": "n'est pas une valeur permise",
    "enum": "n'est pas une valeur permise",
    "greater_than_equal": "est trop petit",
    "less_than_equal": "est trop grand",
    "string_too_short": "est trop court",
    "string_too_long": "est trop long",
    "too_short": "n'a pas assez d'éléments",
    "too_long": "a trop d'éléments",
    "json_invalid": "n'est pas du JSON valide",
    "extra_forbidden": "n'est pas un champ connu",
}


class ApiError(StarletteHTTPException):
    """An error the API answers with: HTTP status, stable code, French message, extra headers.

    An `HTTPException`, so FastAPI lets it through when it is raised while a body is read.
    """

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, message, headers)
        self.code, self.message = code, message


def error_body(code: str, message: str) -> dict[str, Any]:
    """The one JSON error shape: ('introuvable', '...') -> {"error": {"code": "introuvable", "message": "..."}}."""
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON error response in the shape above."""
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def domain_error(exc: MissionsError) -> ApiError:
    """A domain error as the API reports it: a bad question or mission is 422, a missing index 503."""
    if isinstance(exc, UnknownMission):
        return ApiError(422, "mission_inconnue", str(exc))
    if isinstance(exc, InvalidQuestion):
        return ApiError(422, "question_invalide", str(exc))
    return ApiError(503, "index_indisponible", str(exc))


def describe_validation(errors: list[dict[str, Any]]) -> str:
    """French summary: [{'loc': ('body', 'q'), 'type': 'missing'}] -> 'Requête invalide : « q » manquant.'."""
    parts = []
    for error in errors[:5]:
        loc = [str(x) for x in error.get("loc", ()) if x not in ("body", "query", "path", "header")]
        field = ".".join(loc) or "corps"
        parts.append(f"« {field} » {_FIELD_PROBLEMS.get(error.get('type', ''), 'n’est pas valide')}")
    return f"Requête invalide : {' ; '.join(parts)}." if parts else "Requête invalide."


def install_error_handlers(app: FastAPI) -> None:
    """Turn every error of `app` into the JSON shape above, in French."""

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        if isinstance(exc, ApiError):
            code, message = exc.code, exc.message
        else:
            code, message = _HTTP_ERRORS.get(exc.status_code, ("erreur_http", f"Erreur HTTP {exc.status_code}."))
        return error_response(exc.status_code, code, message, dict(exc.headers or {}))

    async def on_domain_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, MissionsError)
        return await on_http_error(request, domain_error(exc))

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, "requete_invalide", describe_validation(list(exc.errors())))

    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        log.error("Erreur interne sur %s", request.url.path, exc_info=exc)
        return error_response(500, *_HTTP_ERRORS[500])

    app.add_exception_handler(MissionsError, on_domain_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_crash)


def allowed_origins(settings: Settings) -> list[str]:
    """The CORS allow-list: 'https://a.fr/, null, *' -> ['https://a.fr'] ('null' and '*' are never allowed)."""
    origins = [o.strip().rstrip("/") for o in settings.cors_origins]
    refused = [o for o in origins if o in ("null", "*")]
    if refused:
        log.warning("Origines CORS ignorées (jamais autorisées) : %s", ", ".join(refused))
    return [o for o in dict.fromkeys(origins) if o and o not in ("null", "*")]


def install_cors(app: FastAPI, settings: Settings) -> None:
    """CORS for the origins of the allow-list only; no cookie ever travels (keys go in headers).

    Starlette's own class, not a subclass: Gradio checks `cls is CORSMiddleware` to stand its own CORS
    down (which, on a public host name, would allow any origin). A refused preflight is Starlette's
    plain-text 400, which browsers never show to scripts.
    """
    app.add_middleware(
        CORSMiddleware,
        allow_origins=allowed_origins(settings),
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type", "X-API-Key"],
        expose_headers=["Retry-After"],
        allow_credentials=False,
        max_age=600,
    )


def is_loopback(host: str | None) -> bool:
    """'127.0.0.1', '::1' -> True; '192.168.1.5', None -> False."""
    try:
        return host is not None and ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


_bearer = HTTPBearer(auto_error=False, description="Clé d'API : `Authorization: Bearer <clé>`.")
_header_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="Clé d'API dans l'en-tête `X-API-Key`.")


class Guard:
    """The dependency every API route runs first: checks the key (or loopback), then the rate limit."""

    def __init__(self, settings: Settings) -> None:
        self.keys = [k.encode() for k in settings.api_keys if k]
        self.limit = RateLimitItemPerMinute(settings.rate_limit_per_minute)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    @property
    def open_on_loopback(self) -> bool:
        """True when no key is configured: only clients on this machine are served."""
        return not self.keys

    def __call__(
        self,
        request: Request,
        bearer: HTTPAuthorizationCredentials | None = Depends(_bearer),  # noqa: B008 - FastAPI's idiom
        header_key: str | None = Depends(_header_key),  # noqa: B008
    ) -> str:
        """The caller's identity ('key:<n>' or 'ip:<address>'), or an `ApiError` 401/403/429."""
        client = request.client.host if request.client else None
        if self.keys:
            given = header_key or (bearer.credentials if bearer else None)
            if not given:
                raise ApiError(
                    401, "cle_manquante",
                    "Une clé d'API est requise : en-tête « Authorization: Bearer <clé> » ou « X-API-Key ».",
                    {"WWW-Authenticate": "Bearer"},
                )  # fmt: skip
            index = self._key_index(given)
            if index is None:
                raise ApiError(
                    401, "cle_invalide", "Cette clé d'API n'est pas reconnue.", {"WWW-Authenticate": "Bearer"}
                )
            who = f"key:{index}"
        elif is_loopback(client):
            who = f"ip:{client}"
        else:
            raise ApiError(
                403, "acces_local_uniquement",
                "Aucune clé d'API n'est configurée : l'API ne répond qu'aux clients de cette machine "
                "(définissez MISSIONS_API_KEYS pour l'ouvrir).",
            )  # fmt: skip
        self.check_rate(who)
        return who

    def _key_index(self, given: str) -> int | None:
        """Which configured key `given` is, compared in constant time (every key is compared)."""
        found = None
        for i, key in enumerate(self.keys):
            if hmac.compare_digest(key, given.encode()):
                found = i
        return found

    def check_rate(self, who: str) -> None:
        """Count one request for `who`; `ApiError` 429 with Retry-After past the limit."""
        if self.limiter.hit(self.limit, who):
            return
        reset = self.limiter.get_window_stats(self.limit, who).reset_time
        wait = max(1, math.ceil(reset - time.time()))
        raise ApiError(
            429, "trop_de_requetes",
            f"Limite de {self.limit.amount} requêtes par minute atteinte : réessayez dans {wait} s.",
            {"Retry-After": str(wait)},
        )  # fmt: skip


def fallback_router(app: FastAPI) -> APIRouter:
    """Routes that answer, in the JSON shape, any other path under /api and /v1 (the chat mounted at /
    would answer them otherwise): 405 with `Allow` when the path exists for another method, else 404.
    Included after every API route.
    """
    router = APIRouter(include_in_schema=False)
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    async def unknown(request: Request) -> None:
        path = request.url.path
        routes = [r for r in app.router.routes if r.matches(request.scope)[0] == Match.PARTIAL]
        allowed = [
            m for m in methods if any(r.matches({**request.scope, "method": m})[0] == Match.FULL for r in routes)
        ]
        if allowed:
            raise ApiError(
                405, "methode_non_permise",
                f"La méthode {request.method} n'est pas permise sur {path} : {', '.join(allowed)} seulement.",
                {"Allow": ", ".join(allowed)},
            )  # fmt: skip
        raise ApiError(404, "introuvable", f"Aucune route {path} : la liste est sur /docs.")

    for prefix in ("/api", "/v1"):
        router.add_api_route(prefix, unknown, methods=methods)
        router.add_api_route(prefix + "/{rest:path}", unknown, methods=methods)
    return router


class BodyLimit:
    """ASGI middleware: a request body over `max_bytes` under /api or /v1 gets a French JSON 413.

    A declared Content-Length is refused before anything is read; a chunked body is counted as it
    arrives, and the route reading it gets an `ApiError` (answered by the handlers above).
    """

    def __init__(self, app: ASGIApp, max_bytes: int, prefixes: tuple[str, ...] = ("/api", "/v1")) -> None:
        self.app, self.max_bytes, self.prefixes = app, max_bytes, prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # noqa: D102
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not any(path == p or path.startswith(p + "/") for p in self.prefixes):
            return await self.app(scope, receive, send)
        message = f"La requête dépasse la taille permise ({self.max_bytes} octets au plus)."
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return await error_response(413, "requete_trop_volumineuse", message)(scope, receive, send)
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            received = await receive()
            seen += len(received.get("body", b""))
            if seen > self.max_bytes:
                raise ApiError(413, "requete_trop_volumineuse", message)
            return received

        await self.app(scope, counted, send)
