/* http: the HTTP listener's socket, its address allow-list, and the HTTP
 * side of a worker connection: read one request, answer it, repeat. */
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "handler.h"
#include "log.h"
#include "metrics.h"
#include "server_impl.h"

/* Request line and headers together. */
#define HTTP_MAX_HEAD	16384


struct cidr {
	int		 family;	/* AF_INET or AF_INET6 */
	unsigned char	 addr[16];
	unsigned	 prefix;
};

struct http {
	int		 fd;
	char		*path;		/* Unix socket we created */
	struct cidr	*allow;
	size_t		 nallow;
};

#define OVERLOADED_BODY "{\"id\":null,\"error\":{\"code\":\"overloaded\"," \
    "\"message\":\"too many connections\"}}\n"
_Static_assert(sizeof(OVERLOADED_BODY) - 1 == 75, "Content-Length below");
const char http_overloaded[] = "HTTP/1.1 503 Service Unavailable\r\n"
    "Content-Type: application/json\r\nContent-Length: 75\r\n"
    "Connection: close\r\n\r\n" OVERLOADED_BODY;

/* -- the allow-list ------------------------------------------------------ */

static int
cidr_parse(const char *s, struct cidr *c)
{
	char		 buf[INET6_ADDRSTRLEN + 8];
	const char	*slash = strchr(s, '/');
	size_t		 n = slash ? (size_t)(slash - s) : strlen(s);
	char		*end;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	memset(c, 0, sizeof(*c));
	if (inet_pton(AF_INET, buf, c->addr) == 1) {
		c->family = AF_INET;
		c->prefix = 32;
	} else if (inet_pton(AF_INET6, buf, c->addr) == 1) {
		c->family = AF_INET6;
		c->prefix = 128;
	} else {
		return -1;
	}
	if (slash != NULL) {
		errno = 0;
		unsigned long p = strtoul(slash + 1, &end, 10);
		if (errno != 0 || *end != '\0' || end == slash + 1 ||
		    p > c->prefix)
			return -1;
		c->prefix = (unsigned)p;
	}
	return 0;
}

static bool
cidr_match(const struct cidr *c, int family, const unsigned char *a)
{
	unsigned bits = c->prefix;

	if (family != c->family)
		return false;
	if (memcmp(c->addr, a, bits / 8) != 0)
		return false;
	if (bits % 8 == 0)
		return true;
	unsigned char mask = (unsigned char)(0xff << (8 - bits % 8));
	return (c->addr[bits / 8] & mask) == (a[bits / 8] & mask);
}

bool
http_addr_allowed(const struct http *h, const struct sockaddr *sa, int salen)
{
	const unsigned char *a = NULL;
	int		 family = sa->sa_family;
	char		 text[INET6_ADDRSTRLEN] = "?";

	if (family == AF_INET && salen >= (int)sizeof(struct sockaddr_in)) {
		a = (const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr;
	} else if (family == AF_INET6 &&
	    salen >= (int)sizeof(struct sockaddr_in6)) {
		a = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
		/* an IPv4 peer of a dual-stack socket: ::ffff:a.b.c.d */
		static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };
		if (memcmp(a, mapped, 12) == 0) {
			a += 12;
			family = AF_INET;
		}
	}
	for (size_t i = 0; a != NULL && i < h->nallow; i++)
		if (cidr_match(&h->allow[i], family, a))
			return true;
	static _Atomic time_t last;
	time_t now = time(NULL), prev = atomic_load(&last);
	if (now != prev && atomic_compare_exchange_strong(&last, &prev, now)) {
		if (a != NULL)
			inet_ntop(family, a, text, sizeof(text));
		log_warn("HTTP connection refused: %s is not in http_allow", text);
	}
	return false;
}

/* -- responses ------------------------------------------------------------ */

static const char *
reason_of(int status)
{
	switch (status) {
	case 200: return "OK";
	case 400: return "Bad Request";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 411: return "Length Required";
	case 413: return "Payload Too Large";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	case 505: return "HTTP Version Not Supported";
	default: return "Error";
	}
}

static int
status_of(enum err_code code)
{
	switch (code) {
	case ERR_NONE:		return 200;
	case ERR_TOO_LARGE:	return 413;
	case ERR_INTERNAL:	return 500;
	case ERR_OVERLOADED:	return 503;
	default:		return 400;
	}
}

/* One whole response. body (may be NULL) is moved out; after a response
 * that closes, nothing more is read from the connection. */
static void
respond(struct conn *c, int status, const char *ctype, struct evbuffer *body,
    const char *allow)
{
	struct evbuffer	*out = bufferevent_get_output(c->bev);
	size_t		 before = evbuffer_get_length(out);
	size_t		 blen = body ? evbuffer_get_length(body) : 0;
	bool		 close_it = !c->http_keepalive || c->closing;

	evbuffer_add_printf(out, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\n"
	    "Content-Length: %zu\r\n%s%s%s%s\r\n", status, reason_of(status),
	    ctype, blen, close_it ? "Connection: close\r\n" : "",
	    allow ? "Allow: " : "", allow ? allow : "", allow ? "\r\n" : "");
	if (body != NULL) {
		if (c->http_method != M_HEAD)
			evbuffer_add_buffer(out, body);
		else
			evbuffer_drain(body, blen);
	}
	conn_answered(c, before);
	if (close_it) {
		/* the rest of the input is never read */
		struct evbuffer *in = bufferevent_get_input(c->bev);
		evbuffer_drain(in, evbuffer_get_length(in));
		c->http_need = 0;
		c->closing = true;
		bufferevent_disable(c->bev, EV_READ);
	}
}

static void
respond_text(struct conn *c, int status, const char *text, const char *allow)
{
	struct evbuffer *b = evbuffer_new();

	if (b != NULL)
		evbuffer_add_printf(b, "%s\n", text);
	respond(c, status, "text/plain; charset=utf-8", b, allow);
	if (b != NULL)
		evbuffer_free(b);
}

/* A request refused before its body is read: answer, then close. */
static void
respond_error(struct conn *c, int status, enum err_code code, const char *msg)
{
	struct evbuffer *b = evbuffer_new();

	c->http_keepalive = false;
	if (b != NULL)
		handler_error(c->w, NULL, code, msg, b);
	respond(c, status, "application/json", b, NULL);
	if (b != NULL)
		evbuffer_free(b);
}

/* -- endpoints ------------------------------------------------------------ */

static void
on_check(struct conn *c, const char *body, size_t len)
{
	struct worker	*w = c->w;
	struct evbuffer	*b = evbuffer_new();
	size_t		 skip = 0;
	int		 status = 200;

	if (b == NULL) {
		respond_text(c, 500, "out of memory", NULL);
		return;
	}
	/* (memchr, not strchr: a NUL in the body is not white space) */
	while (skip < len && memchr(" \t\r\n", body[skip], 4) != NULL)
		skip++;
	while (len > skip && memchr(" \t\r\n", body[len - 1], 4) != NULL)
		len--;
	if (skip == len || body[skip] != '[') {
		status = status_of(handler_request(w, body + skip, len - skip,
		    VIA_HTTP, b));
		respond(c, status, "application/json", b, NULL);
		evbuffer_free(b);
		return;
	}

	/* an array: each element answered as its own request, in order */
	json_error_t je;
	json_t *arr = json_loadb(body + skip, len - skip, JSON_ALLOW_NUL, &je);
	if (arr == NULL || !json_is_array(arr)) {
		char msg[200];
		snprintf(msg, sizeof(msg), "request body is not JSON: %s", je.text);
		json_decref(arr);
		/* one request after all, answered (and its UTF-8 judged) as such */
		status = status_of(handler_request(w, body + skip, len - skip,
		    VIA_HTTP, b));
		respond(c, status, "application/json", b, NULL);
		evbuffer_free(b);
		return;
	}
	size_t i;
	json_t *elem;
	evbuffer_add(b, "[", 1);
	json_array_foreach(arr, i, elem) {
		if (i > 0)
			evbuffer_add(b, ",", 1);
		if (!json_is_object(elem)) {
			handler_error(w, NULL, ERR_BAD_JSON,
			    "array elements must be request objects", b);
		} else {
			char *line = json_dumps(elem, JSON_COMPACT | JSON_ALLOW_NUL);
			if (line != NULL)
				handler_request(w, line, strlen(line), VIA_HTTP, b);
			else
				handler_error(w, NULL, ERR_INTERNAL,
				    "out of memory", b);
			free(line);
		}
		/* each answer ends in a newline, whitespace between elements */
		if (evbuffer_get_length(b) > w->srv->max_unread_bytes) {
			/* one answer must not cost more than a connection may
			 * hold unread */
			json_decref(arr);
			evbuffer_free(b);
			char msg[160];
			snprintf(msg, sizeof(msg), "the answers to this array pass "
			    "max_unread_bytes (%zu); send fewer requests at a time",
			    w->srv->max_unread_bytes);
			respond_error(c, 413, ERR_TOO_LARGE, msg);
			return;
		}
	}
	json_decref(arr);
	evbuffer_add(b, "]\n", 2);
	respond(c, 200, "application/json", b, NULL);
	evbuffer_free(b);
}

static void
on_get(struct conn *c, int route)
{
	struct worker	*w = c->w;
	struct server	*s = w->srv;
	struct engine	*e = worker_engine(w);
	struct evbuffer	*b = evbuffer_new();

	if (b == NULL) {
		respond_text(c, 500, "out of memory", NULL);
		return;
	}
	if (route == R_METRICS) {
		json_t *stats = stats_json(s, e);
		metrics_render(b, e, stats, s->nworkers);
		json_decref(stats);
		respond(c, 200, "text/plain; version=0.0.4; charset=utf-8", b,
		    NULL);
	} else {
		/* written by the main thread's tick; a stale read is harmless */
		bool ok = __atomic_load_n(&s->healthy, __ATOMIC_RELAXED);
		evbuffer_add_printf(b, "{\"status\":\"%s\",\"rules_version\":\"%s\"}\n",
		    ok ? "ok" : "unhealthy", e->version);
		respond(c, ok ? 200 : 503, "application/json", b, NULL);
	}
	evbuffer_free(b);
}

/* -- the request head ----------------------------------------------------- */

static bool
token_eq(const char *p, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(p, word, n) == 0;
}

/* Does the comma-separated header value hold the token? */
static bool
has_token(const char *v, size_t n, const char *tok)
{
	size_t i = 0;

	while (i < n) {
		while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
			i++;
		size_t s = i;
		while (i < n && v[i] != ',')
			i++;
		size_t e = i;
		while (e > s && (v[e - 1] == ' ' || v[e - 1] == '\t'))
			e--;
		if (token_eq(v + s, e - s, tok))
			return true;
	}
	return false;
}

int
http_parse_head(const char *p, size_t n, struct http_head *h)
{
	const char	*end = p + n, *eol, *sp1, *sp2;
	bool		 have_len = false, http10;
	size_t		*clen = &h->content_length;

	memset(h, 0, sizeof(*h));
	if (memchr(p, '\0', n) != NULL)
		return 400;
	if ((eol = memchr(p, '\n', n)) == NULL || eol == p || eol[-1] != '\r')
		return 400;
	/* METHOD SP TARGET SP HTTP/1.x */
	if ((sp1 = memchr(p, ' ', (size_t)(eol - p))) == NULL ||
	    (sp2 = memchr(sp1 + 1, ' ', (size_t)(eol - sp1 - 1))) == NULL ||
	    sp1 == p || sp2 == sp1 + 1)
		return 400;		/* no method or no target */
	size_t vlen = (size_t)(eol - 1 - (sp2 + 1));
	if (vlen == 8 && memcmp(sp2 + 1, "HTTP/1.1", 8) == 0)
		http10 = false;
	else if (vlen == 8 && memcmp(sp2 + 1, "HTTP/1.0", 8) == 0)
		http10 = true;
	else
		return vlen > 5 && memcmp(sp2 + 1, "HTTP/", 5) == 0 ? 505 : 400;
	h->keepalive = !http10;
	if (token_eq(p, (size_t)(sp1 - p), "GET"))
		h->method = M_GET;
	else if (token_eq(p, (size_t)(sp1 - p), "HEAD"))
		h->method = M_HEAD;
	else if (token_eq(p, (size_t)(sp1 - p), "POST"))
		h->method = M_POST;
	const char *t = sp1 + 1;
	size_t tlen = (size_t)(sp2 - t);
	const char *q = memchr(t, '?', tlen);
	if (q != NULL)
		tlen = (size_t)(q - t);
	if (tlen == 9 && memcmp(t, "/v1/check", 9) == 0)
		h->route = R_CHECK;
	else if (tlen == 8 && memcmp(t, "/metrics", 8) == 0)
		h->route = R_METRICS;
	else if (tlen == 8 && memcmp(t, "/healthz", 8) == 0)
		h->route = R_HEALTHZ;

	for (const char *l = eol + 1; l < end; l = eol + 1) {
		if ((eol = memchr(l, '\n', (size_t)(end - l))) == NULL ||
		    eol[-1] != '\r')
			return 400;
		const char *le = eol - 1;	/* the CR */
		if (le == l)
			break;			/* the empty line */
		if (*l == ' ' || *l == '\t')
			return 400;		/* obsolete line folding */
		const char *colon = memchr(l, ':', (size_t)(le - l));
		if (colon == NULL || colon == l)
			return 400;
		const char *v = colon + 1;
		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		const char *ve = le;
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		size_t name_len = (size_t)(colon - l), vl = (size_t)(ve - v);
		if (token_eq(l, name_len, "content-length")) {
			size_t x = 0;
			if (vl == 0 || vl > 12)
				return vl == 0 ? 400 : 413;
			for (size_t i = 0; i < vl; i++) {
				if (v[i] < '0' || v[i] > '9')
					return 400;
				x = x * 10 + (size_t)(v[i] - '0');
			}
			if (have_len && x != *clen)
				return 400;
			have_len = true;
			*clen = x;
		} else if (token_eq(l, name_len, "transfer-encoding")) {
			return 501;
		} else if (token_eq(l, name_len, "connection")) {
			if (has_token(v, vl, "close"))
				h->keepalive = false;
			else if (has_token(v, vl, "keep-alive"))
				h->keepalive = true;
		} else if (token_eq(l, name_len, "expect")) {
			if (!token_eq(v, vl, "100-continue"))
				return 400;
			h->expect = true;
		}
	}
	return 0;
}

/* -- the connection ------------------------------------------------------- */

static void
dispatch(struct conn *c, const char *body, size_t blen)
{
	stats_count_http_request(&c->w->stats);
	switch (c->http_route) {
	case R_CHECK:
		if (c->http_method != M_POST) {
			respond_text(c, 405, "use POST", "POST");
			return;
		}
		on_check(c, body, blen);
		return;
	case R_METRICS:
	case R_HEALTHZ:
		if (c->http_method != M_GET && c->http_method != M_HEAD) {
			respond_text(c, 405, "use GET", "GET, HEAD");
			return;
		}
		on_get(c, c->http_route);
		return;
	default:
		respond_text(c, 404, "not found: try /metrics, /healthz or "
		    "POST /v1/check", NULL);
	}
}

/* Answer the requests in the input, one at a time, until the client must
 * read first or a request is not all there yet. */
void
http_conn_process(struct conn *c)
{
	struct evbuffer	*in = bufferevent_get_input(c->bev);
	struct server	*s = c->w->srv;

	while (!conn_full(c)) {
		size_t avail = evbuffer_get_length(in);
		if (c->http_need == 0) {
			struct evbuffer_ptr pos = evbuffer_search(in, "\r\n\r\n",
			    4, NULL);
			if (pos.pos < 0 || (size_t)pos.pos + 4 > HTTP_MAX_HEAD) {
				if (avail > HTTP_MAX_HEAD || pos.pos >= 0) {
					c->http_method = M_GET;
					respond_error(c, 431, ERR_TOO_LARGE,
					    "request head is longer than 16 KiB");
				}
				break;
			}
			size_t hl = (size_t)pos.pos + 4, clen;
			struct http_head hh;
			const char *head = (const char *)evbuffer_pullup(in,
			    (ev_ssize_t)hl);
			if (head == NULL) {
				respond_text(c, 500, "out of memory", NULL);
				break;
			}
			int st = http_parse_head(head, hl, &hh);
			c->http_method = hh.method;
			c->http_route = hh.route;
			c->http_keepalive = hh.keepalive;
			clen = hh.content_length;
			if (st == 0 && clen > s->max_request_bytes) {
				char msg[128];
				snprintf(msg, sizeof(msg), "request body is longer "
				    "than max_request_bytes (%zu)",
				    s->max_request_bytes);
				respond_error(c, 413, ERR_TOO_LARGE, msg);
				break;
			}
			if (st != 0) {
				c->http_keepalive = false;
				respond_text(c, st, st == 501 ?
				    "chunked bodies are not supported: send "
				    "Content-Length" : reason_of(st), NULL);
				break;
			}
			c->http_head = hl;
			c->http_need = hl + clen;
			if (hh.expect && clen > 0 && avail < c->http_need &&
			    !c->closing) {
				struct evbuffer *out = bufferevent_get_output(c->bev);
				size_t before = evbuffer_get_length(out);
				evbuffer_add_printf(out,
				    "HTTP/1.1 100 Continue\r\n\r\n");
				conn_answered(c, before);
			}
		}
		if (avail < c->http_need)
			break;
		const char *req = (const char *)evbuffer_pullup(in,
		    (ev_ssize_t)c->http_need);
		if (req == NULL) {
			respond_text(c, 500, "out of memory", NULL);
			break;
		}
		size_t need = c->http_need, hl = c->http_head;
		dispatch(c, req + hl, need - hl);
		if (evbuffer_get_length(in) >= need)
			evbuffer_drain(in, need);
		c->http_need = 0;
		if (c->closing && !c->http_keepalive)
			break;
	}
	if (c->closing && !conn_full(c)) {
		/* stopping, or the client is done: a request it had not
		 * finished sending is never answered */
		evbuffer_drain(in, evbuffer_get_length(in));
		c->http_need = 0;
	}
}

/* -- the listening socket ------------------------------------------------- */

static int
unix_listen(struct http *h, const char *path)
{
	struct sockaddr_un sun;
	struct stat st;
	int fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_error("http_listen: socket path too long: %s", path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
		int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (probe != -1 && connect(probe, (struct sockaddr *)&sun,
		    sizeof(sun)) == 0) {
			log_error("http_listen %s: something already answers there",
			    path);
			close(probe);
			return -1;
		}
		if (probe != -1)
			close(probe);
		unlink(path);
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
	    0)) == -1) {
		log_error("http_listen: socket: %s", strerror(errno));
		return -1;
	}
	mode_t old = umask(0117);	/* 0660, like the main socket */
	int rc = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
	umask(old);
	if (rc == -1 || listen(fd, 1024) == -1) {
		log_error("http_listen %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if ((h->path = strdup(path)) == NULL) {
		unlink(path);
		close(fd);
		return -1;
	}
	return fd;
}

static int
tcp_listen(const char *where)
{
	const char	*colon = strrchr(where, ':');
	char		 host[256];
	struct addrinfo	 hints, *ai = NULL;
	int		 fd, one = 1, rc;

	if (colon == NULL || colon == where ||
	    (size_t)(colon - where) >= sizeof(host) || colon[1] == '\0') {
		log_error("http_listen: \"%s\" is neither HOST:PORT nor an "
		    "absolute socket path", where);
		return -1;
	}
	memcpy(host, where, (size_t)(colon - where));
	host[colon - where] = '\0';
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host, colon + 1, &hints, &ai)) != 0) {
		log_error("http_listen %s: %s", where, gai_strerror(rc));
		return -1;
	}
	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, ai->ai_protocol);
	if (fd == -1 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == -1 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
	    listen(fd, 1024) == -1) {
		log_error("http_listen %s: cannot listen: %s", where,
		    strerror(errno));
		if (fd != -1)
			close(fd);
		fd = -1;
	}
	freeaddrinfo(ai);
	return fd;
}

struct http *
http_open(const char *where, const struct str_list *allow)
{
	struct http *h = calloc(1, sizeof(*h));

	if (h == NULL)
		return NULL;
	h->fd = -1;
	if ((h->allow = calloc(allow->n + 1, sizeof(*h->allow))) == NULL)
		goto fail;
	for (size_t i = 0; i < allow->n; i++) {
		if (cidr_parse(allow->v[i], &h->allow[h->nallow]) == -1) {
			log_error("http_allow: \"%s\" is not an address or "
			    "ADDRESS/PREFIX", allow->v[i]);
			goto fail;
		}
		h->nallow++;
	}
	h->fd = where[0] == '/' ? unix_listen(h, where) : tcp_listen(where);
	if (h->fd == -1)
		goto fail;
	log_info("HTTP listener on %s (/metrics, /healthz, /v1/check)", where);
	return h;
fail:
	http_free(h);
	return NULL;
}

int
http_fd(const struct http *h)
{
	return h->fd;
}

void
http_free(struct http *h)
{
	if (h == NULL)
		return;
	if (h->fd != -1)
		close(h->fd);
	if (h->path != NULL) {
		unlink(h->path);
		free(h->path);
	}
	free(h->allow);
	free(h);
}
