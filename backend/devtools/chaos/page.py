"""A shop page on loopback that answers as slowly as a chaos scenario needs."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PRODUCT = b"""<!doctype html><html><head><title>Chaos Charizard</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product",
"name": "Chaos Charizard", "offers": {"@type": "Offer", "price": "123.45",
"priceCurrency": "USD", "availability": "https://schema.org/InStock"}}</script>
</head><body><h1>Chaos Charizard</h1><p>$123.45</p></body></html>"""


class SlowShop:
    """`/product/<n>` after `delay` seconds; robots.txt at once (it allows everything)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        shop = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/robots.txt":
                    body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
                else:
                    time.sleep(shop.delay)
                    body, kind = PRODUCT, "text/html; charset=utf-8"
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client (a killed worker, a deadline) hung up

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, number: int) -> str:
        return f"http://{self.host}/product/{number}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
