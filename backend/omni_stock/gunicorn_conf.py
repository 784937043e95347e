"""Gunicorn settings of the web process (`make run` and docker-compose's `web`).

Pass its path: `--config backend/omni_stock/gunicorn_conf.py` from the project root (a path
is read relative to the directory gunicorn starts in, before `--chdir` applies).

Gunicorn writes `Server: gunicorn` on every response and has no setting to change or drop
it (benoitc/gunicorn#825). The name is read at response time from the module-level SERVER
of `gunicorn.http.wsgi`, which imported it from `gunicorn` before any config was loaded,
so that is where it is replaced (HTTP/1.1 and HTTP/2 responses alike). A banner names the
software to look vulnerabilities up for; this one names nothing.
"""

import gunicorn
import gunicorn.http.wsgi

SERVER_HEADER = "omni-stock"

gunicorn.SERVER = SERVER_HEADER
gunicorn.http.wsgi.SERVER = SERVER_HEADER
