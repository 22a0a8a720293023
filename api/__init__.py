"""FastAPI app: routes per area, schemas, auth, errors, SSE."""
