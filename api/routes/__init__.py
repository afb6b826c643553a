"""One module per resource; each defines `router = APIRouter(prefix=..., tags=[...])`."""
