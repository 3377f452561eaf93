#include "http.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "declog.h"
#include "log.h"
#include "metrics.h"
#include "reply.h"
#include "request.h"

struct http {
	struct evhttp	*http;
	struct http_env	 env;
	struct check_scratch cs;	/* main thread only */
	char		*path;		/* Unix socket we created */
};

static int
add_buf(const char *buf, size_t size, void *ctx)
{
	return evbuffer_add(ctx, buf, size);
}

static int
status_of(enum err_code code)
{
	switch (code) {
	case ERR_TOO_LARGE:
		return 413;
	case ERR_INTERNAL:
		return 500;
	case ERR_OVERLOADED:
		return 503;
	default:
		return 400;
	}
}

static json_t *
error_answer(json_t *id, enum err_code code, const char *msg, int *status)
{
	metrics_http_error(code);
	if (status != NULL)
		*status = status_of(code);
	return reply_error(id, code, msg);
}

/* One request, exactly as a socket line is answered. */
static json_t *
check_one(struct http *h, const char *line, size_t len, int *status)
{
	struct request		 r;
	struct request_error	 err;
	uint64_t		 t0 = metrics_now_ns();
	struct engine		*e = h->env.engine(h->env.arg);
	json_t			*o;

	*status = 200;
	if (request_parse(&r, line, len, h->env.max_text, &err) == -1) {
		o = error_answer(r.id, err.code, err.message, status);
		request_clear(&r);
		return o;
	}
	if (r.op != OP_CHECK) {
		o = error_answer(r.id, ERR_BAD_JSON, "control requests (\"op\") "
		    "are answered on the Unix socket; see GET /metrics", status);
		request_clear(&r);
		return o;
	}
	const struct policy *p = policies_find(&e->policies, r.policy);
	if (p == NULL) {
		char msg[160];
		snprintf(msg, sizeof(msg), "no policy named \"%.64s\"", r.policy);
		o = error_answer(r.id, ERR_UNKNOWN_POLICY, msg, status);
		request_clear(&r);
		return o;
	}
	if (engine_check(e, p, &h->cs, r.text, r.text_len) == -1) {
		o = error_answer(r.id, ERR_INTERNAL,
		    "out of memory checking the comment", status);
		request_clear(&r);
		return o;
	}
	uint64_t lat = metrics_now_ns() - t0;
	metrics_decision(e, &h->cs, r.dry_run, lat);
	declog_decision(e, p, &h->cs, r.id, r.text, r.text_len, r.dry_run, lat,
	    "http");
	o = reply_verdict(e, p, &h->cs, r.id, r.text, r.dry_run);
	request_clear(&r);
	return o;
}

static void
send_json(struct evhttp_request *req, int status, json_t *o)
{
	struct evbuffer *out = evbuffer_new();

	if (out == NULL || o == NULL || reply_dump(o, add_buf, out) == -1) {
		if (out != NULL)
			evbuffer_free(out);
		evhttp_send_error(req, 500, "out of memory");
		return;
	}
	evhttp_add_header(evhttp_request_get_output_headers(req),
	    "Content-Type", "application/json");
	evhttp_send_reply(req, status, status == 200 ? "OK" :
	    status == 413 ? "Payload Too Large" : status == 500 ?
	    "Internal Server Error" : "Bad Request", out);
	evbuffer_free(out);
}

static void
on_check(struct evhttp_request *req, struct http *h)
{
	struct evbuffer	*in = evhttp_request_get_input_buffer(req);
	size_t		 len = evbuffer_get_length(in);
	const char	*body = len ? (const char *)evbuffer_pullup(in, -1) : "";
	size_t		 skip = 0;
	int		 status = 200;

	if (evhttp_request_get_command(req) != EVHTTP_REQ_POST) {
		evhttp_add_header(evhttp_request_get_output_headers(req),
		    "Allow", "POST");
		evhttp_send_error(req, 405, "use POST");
		return;
	}
	while (skip < len && strchr(" \t\r\n", body[skip]) != NULL)
		skip++;
	if (skip == len || body[skip] != '[') {
		while (len > skip && strchr(" \t\r\n", body[len - 1]) != NULL)
			len--;
		if (len == skip) {
			send_json(req, 400, error_answer(NULL, ERR_BAD_JSON,
			    "empty request body", NULL));
			return;
		}
		json_t *o = check_one(h, body + skip, len - skip, &status);
		send_json(req, status, o);
		return;
	}

	/* an array: each element answered as its own request, in order */
	json_error_t je;
	json_t *arr = json_loadb(body, len, JSON_ALLOW_NUL, &je), *answers;
	if (arr == NULL || !json_is_array(arr)) {
		char msg[200];
		snprintf(msg, sizeof(msg), "request body is not JSON: %s", je.text);
		json_decref(arr);
		send_json(req, 400, error_answer(NULL,
		    json_error_code(&je) == json_error_invalid_utf8 ?
		    ERR_INVALID_UTF8 : ERR_BAD_JSON, msg, NULL));
		return;
	}
	if ((answers = json_array()) == NULL) {
		json_decref(arr);
		evhttp_send_error(req, 500, "out of memory");
		return;
	}
	size_t i;
	json_t *elem;
	json_array_foreach(arr, i, elem) {
		json_t *a;
		if (!json_is_object(elem)) {
			a = error_answer(NULL, ERR_BAD_JSON,
			    "array elements must be request objects", NULL);
		} else {
			char *line = json_dumps(elem, JSON_COMPACT | JSON_ALLOW_NUL);
			int st;
			a = line != NULL ? check_one(h, line, strlen(line), &st) :
			    error_answer(NULL, ERR_INTERNAL, "out of memory", NULL);
			free(line);
		}
		json_array_append_new(answers, a != NULL ? a : json_null());
	}
	json_decref(arr);
	send_json(req, 200, answers);
}

static void
on_request(struct evhttp_request *req, void *arg)
{
	struct http	*h = arg;
	const char	*uri = evhttp_request_get_uri(req);
	enum evhttp_cmd_type cmd = evhttp_request_get_command(req);
	struct evkeyvalq *oh = evhttp_request_get_output_headers(req);
	size_t		 n = strcspn(uri, "?");

	metrics_http_request();
	if (n == 9 && strncmp(uri, "/v1/check", 9) == 0) {
		on_check(req, h);
		return;
	}
	bool metrics = n == 8 && strncmp(uri, "/metrics", 8) == 0;
	bool healthz = n == 8 && strncmp(uri, "/healthz", 8) == 0;
	if (!metrics && !healthz) {
		evhttp_send_error(req, 404, "not found: try /metrics, /healthz "
		    "or POST /v1/check");
		return;
	}
	if (cmd != EVHTTP_REQ_GET && cmd != EVHTTP_REQ_HEAD) {
		evhttp_add_header(oh, "Allow", "GET, HEAD");
		evhttp_send_error(req, 405, "use GET");
		return;
	}
	struct evbuffer *out = evbuffer_new();
	if (out == NULL) {
		evhttp_send_error(req, 500, "out of memory");
		return;
	}
	struct engine *e = h->env.engine(h->env.arg);
	if (metrics) {
		json_t *stats = h->env.stats(h->env.arg);
		metrics_render(out, e, stats, h->env.nworkers);
		json_decref(stats);
		evhttp_add_header(oh, "Content-Type",
		    "text/plain; version=0.0.4; charset=utf-8");
		evhttp_send_reply(req, 200, "OK", out);
	} else {
		bool ok = h->env.healthy(h->env.arg);
		evbuffer_add_printf(out, "{\"status\":\"%s\",\"rules_version\":\"%s\"}\n",
		    ok ? "ok" : "unhealthy", e->version);
		evhttp_add_header(oh, "Content-Type", "application/json");
		evhttp_send_reply(req, ok ? 200 : 503, ok ? "OK" :
		    "Service Unavailable", out);
	}
	evbuffer_free(out);
}

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
	if (rc == -1 || listen(fd, 128) == -1) {
		log_error("http_listen %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if ((h->path = strdup(path)) == NULL ||
	    evhttp_accept_socket_with_handle(h->http, fd) == NULL) {
		unlink(path);
		close(fd);
		return -1;
	}
	return 0;
}

struct http *
http_start(struct event_base *base, const char *listen, const struct http_env *env)
{
	struct http *h = calloc(1, sizeof(*h));

	if (h == NULL)
		return NULL;
	h->env = *env;
	check_scratch_init(&h->cs);
	if ((h->http = evhttp_new(base)) == NULL)
		goto fail;
	evhttp_set_gencb(h->http, on_request, h);
	evhttp_set_max_body_size(h->http, (ev_ssize_t)env->max_body);
	evhttp_set_max_headers_size(h->http, 16384);
	evhttp_set_allowed_methods(h->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD |
	    EVHTTP_REQ_POST);
	if (env->timeout > 0)
		evhttp_set_timeout(h->http, (int)env->timeout);
	if (listen[0] == '/') {
		if (unix_listen(h, listen) == -1)
			goto fail;
	} else {
		/* HOST:PORT, the host in brackets for IPv6 */
		const char *colon = strrchr(listen, ':');
		char host[256];
		char *end;
		long port;
		if (colon == NULL || colon == listen ||
		    (size_t)(colon - listen) >= sizeof(host)) {
			log_error("http_listen: \"%s\" is neither HOST:PORT nor an "
			    "absolute socket path", listen);
			goto fail;
		}
		errno = 0;
		port = strtol(colon + 1, &end, 10);
		if (errno != 0 || *end != '\0' || port < 0 || port > 65535 ||
		    end == colon + 1) {
			log_error("http_listen: bad port in \"%s\"", listen);
			goto fail;
		}
		memcpy(host, listen, (size_t)(colon - listen));
		host[colon - listen] = '\0';
		if (host[0] == '[' && host[strlen(host) - 1] == ']') {
			memmove(host, host + 1, strlen(host));
			host[strlen(host) - 1] = '\0';
		}
		if (evhttp_bind_socket_with_handle(h->http, host,
		    (ev_uint16_t)port) == NULL) {
			log_error("http_listen %s: cannot listen: %s", listen,
			    strerror(errno));
			goto fail;
		}
	}
	log_info("HTTP listener on %s (/metrics, /healthz, /v1/check)", listen);
	return h;
fail:
	http_free(h);
	return NULL;
}

void
http_free(struct http *h)
{
	if (h == NULL)
		return;
	if (h->http != NULL)
		evhttp_free(h->http);
	if (h->path != NULL) {
		unlink(h->path);
		free(h->path);
	}
	check_scratch_free(&h->cs);
	free(h);
}
