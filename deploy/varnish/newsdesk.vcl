# Varnish 7 in front of newsdesk (Debian: apt-get install varnish varnish-modules).
#
#   varnishd -a :80 -f /etc/varnish/newsdesk.vcl -s malloc,1G
#   newsdesk: CACHE_PURGE_URLS=xkey+http://127.0.0.1:80/  (purges by surrogate key after every change)
#
# What it does:
# - Anonymous readers without state (no session, no one-time messages) get the page
#   every such reader gets: their cookies are stripped, so the CSRF or analytics cookie does not split the
#   cache (the language is in the address: /en/...). newsdesk sends those pages `public, s-maxage=N` and names their keys in `xkey`.
# - Readers with state (editors, moderators: a session; one-time messages) and every non-GET pass. A commenter's
#   own waiting comments come from /kommentare/... (passed with its cookies); their pages are the shared ones.
# - A PURGE from newsdesk (ACL `purgers`) with `xkey-purge: key key ...` drops every page tagged with any key.
# - Grace: while newsdesk is healthy a stale page is served at most for stale-while-revalidate (30 s) while
#   a fresh one is fetched; while it is down (probe failing) stale pages are served up to stale-if-error.
# Keep the cookie names in step with newsdesk.caching.headers.state_cookie_names.
vcl 4.1;

import std;
import xkey;

backend newsdesk {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # Event streams (SSE) pass through; newsdesk sends a heartbeat every 15 s.
    .between_bytes_timeout = 60s;
    .probe = {
        .url = "/healthz";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge: the newsdesk servers. Add their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from here"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Private places, token and event endpoints are never kept.
    if (req.url ~ "^(/en)?/(admin|redaktion|anmelden|abmelden|moderation|api|i18n|csrf|kommentare|abo)(/|$)"
        || req.url ~ "/events(\?|$)" || req.http.Accept ~ "text/event-stream") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A reader with state: their own page, rendered by newsdesk (private, as newsdesk says).
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what newsdesk calls public is kept; anything with a cookie never is.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store)") {
        set beresp.ttl = 10s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The TTL comes from s-maxage (Varnish reads it). Grace up to stale-if-error (req.grace limits it while
    # newsdesk is healthy); keep lets Varnish revalidate with newsdesk's ETag (a 304 costs one query).
    set beresp.grace = std.duration(
        regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 24h);
    set beresp.keep = 10m;
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for caches, not for browsers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
