"""`kommlint serve`: a local web page where communicators paste or drop a draft.

`service` holds the one loaded `Linter`; `app` is the Starlette app with its security
checks; `runner` binds the socket and runs uvicorn; `static/` is the page itself.
"""
