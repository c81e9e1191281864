"""Shared-cache infrastructure: Cache-Control and surrogate keys for anonymous pages, CSRF without a cookie
in shared pages, and purges of shared caches (Varnish, Fastly, Cloudflare) when content changes.

No domain imports: it deals in page kinds, key names and requests.
"""
