/* handler: one request in, one answer line out, whatever the transport. */
#include "handler.h"

#include <stdio.h>
#include <string.h>

#include "declog.h"
#include "log.h"
#include "metrics.h"
#include "reply.h"
#include "server_impl.h"
#include "severity.h"

/* Append the line the reply writer built (rc 0), or when it could not be
 * built, still one line: never none and never half of one. */
static void
answer(struct worker *w, int rc, struct evbuffer *out)
{
	static const char oom[] = "{\"id\":null,\"error\":{\"code\":\"internal\","
	    "\"message\":\"out of memory building the answer\"}}\n";

	/* evbuffer_add adds all of it or nothing */
	if (rc == -1 || evbuffer_add(out, w->reply.p, w->reply.len) == -1) {
		evbuffer_add(out, oom, sizeof(oom) - 1);
		stats_error(w, ERR_INTERNAL);
	}
	reply_buf_shrink(&w->reply);
}

static void
answer_error(struct worker *w, const struct request_id *id,
    enum err_code code, const char *msg, struct evbuffer *out)
{
	stats_error(w, code);
	answer(w, reply_error(&w->reply, id, code, msg), out);
}

void
handler_error(struct worker *w, json_t *id, enum err_code code,
    const char *msg, struct evbuffer *out)
{
	struct request_id rid;

	request_id_from_json(&rid, id);
	answer_error(w, &rid, code, msg, out);
}

static json_t *
policies_json(struct engine *e)
{
	json_t *o = json_object(), *arr = json_array();

	if (o == NULL || arr == NULL) {
		json_decref(o);
		json_decref(arr);
		return NULL;
	}
	for (size_t i = 0; i < e->policies.n; i++) {
		const struct policy *p = &e->policies.v[i];
		json_t *po = json_object(), *sets = json_array();
		json_t *rej = json_object(), *rev = json_object();
		for (size_t k = 0; k < rules_set_count(e->rb); k++)
			if (p->sets[k])
				json_array_append_new(sets, json_string(
				    rules_set_name(e->rb, (uint32_t)k)));
		for (size_t c = 0; c < rules_category_count(e->rb); c++) {
			const char *cn = rules_category_name(e->rb, (uint32_t)c);
			if (p->reject_at[c] < 1e300)
				json_object_set_new(rej, cn,
				    json_real(p->reject_at[c]));
			if (p->review_at[c] < 1e300)
				json_object_set_new(rev, cn,
				    json_real(p->review_at[c]));
		}
		json_object_set_new(po, "name", json_string(p->name));
		if (p->extend)
			json_object_set_new(po, "extend", json_string(p->extend));
		json_object_set_new(po, "default", json_boolean(i == e->policies.def));
		json_object_set_new(po, "rulesets", sets);
		json_object_set_new(po, "reject_at", rej);
		json_object_set_new(po, "review_at", rev);
		json_object_set_new(po, "severity",	/* severity.c */
		    severity_policy_json(p, e->rb));
		json_array_append_new(arr, po);
	}
	json_object_set_new(o, "policies", arr);
	json_object_set_new(o, "rules_version", json_string(e->version));
	return o;
}

/* A regex that hit its PCRE2 limit held the comment for review: name the
 * rule (never the text) so the admin can fix it, at most once a second. */
static void
log_regex_limits(const struct engine *e, const struct check_scratch *cs)
{
	static _Atomic time_t last;

	for (size_t i = 0; i < cs->ms.nhits; i++) {
		if (!cs->ms.hits[i].limit)
			continue;
		time_t now = time(NULL), prev = atomic_load(&last);
		if (now == prev || !atomic_compare_exchange_strong(&last, &prev, now))
			return;
		if (cs->ms.hits[i].budget)
			log_warn("the comment's regex time budget (regex_budget_ms) "
			    "ran out at rule %s; the comment is held for review",
			    rules_id(e->rb, cs->ms.hits[i].rule));
		else
			log_warn("rule %s hit its PCRE2 limit (regex_match_limit, "
			    "regex_depth_limit or regex_heap_limit_kb); the comment "
			    "is held for review", rules_id(e->rb, cs->ms.hits[i].rule));
		return;
	}
}

static enum err_code
fail(struct worker *w, const struct request_id *id, enum err_code code,
    const char *msg, struct evbuffer *out)
{
	answer_error(w, id, code, msg, out);
	return code;
}

enum err_code
handler_request(struct worker *w, const char *line, size_t len,
    enum handler_via via, struct evbuffer *out)
{
	struct server		*s = w->srv;
	struct request		 r;
	struct request_error	 err;
	struct engine		*e;
	enum err_code		 rc = ERR_NONE;
	uint64_t		 t0 = metrics_now_ns();

	size_t blank = 0;	/* the request is not NUL-terminated */
	while (blank < len && memchr(" \t\r\n", line[blank], 4) != NULL)
		blank++;
	if (blank == len)
		return fail(w, NULL, ERR_BAD_JSON, "empty request", out);
	if (request_parse(&r, &w->request, line, len, s->max_text_bytes,
	    &err) == -1) {
		rc = fail(w, &r.id, err.code, err.message, out);
		goto done;
	}
	e = worker_engine(w);
	if (r.op != OP_CHECK && via == VIA_HTTP) {
		rc = fail(w, &r.id, ERR_BAD_JSON, "control requests (\"op\") are "
		    "answered on the Unix socket; see GET /metrics", out);
		goto done;
	}
	if (r.op == OP_STATS || r.op == OP_POLICIES) {
		json_t *o = r.op == OP_STATS ? stats_json(s, e) : policies_json(e);
		json_t *id = request_id_json(&r);
		if (o != NULL && id != NULL)
			json_object_set(o, "id", id);
		answer(w, reply_json(&w->reply, o), out);
		goto done;
	}
	const struct policy *p = policies_find(&e->policies, r.policy);
	if (p == NULL) {
		char msg[160];
		snprintf(msg, sizeof(msg), "no policy named \"%.64s\"", r.policy);
		rc = fail(w, &r.id, ERR_UNKNOWN_POLICY, msg, out);
		goto done;
	}
	if (engine_check(e, p, &w->cs, r.text, r.text_len) == -1) {
		rc = fail(w, &r.id, ERR_INTERNAL,
		    "out of memory checking the comment", out);
		goto done;
	}
	log_regex_limits(e, &w->cs);
	uint64_t lat = metrics_now_ns() - t0;
	if (declog_enabled())
		declog_decision(e, p, &w->cs, request_id_json(&r), r.text,
		    r.text_len, r.dry_run, lat, via == VIA_HTTP ? "http" : NULL);
	stats_decided(w, e, &w->cs, r.dry_run, lat);
	if (log_enabled(LOG_LEVEL_DEBUG))
		log_debug("decision %s policy=%s text=\"%.*s\"",
		    decision_name(w->cs.v.decision), p->name,
		    (int)(r.text_len > 200 ? 200 : r.text_len), r.text);
	answer(w, reply_verdict(&w->reply, e, p, &w->cs, &r.id, r.text,
	    r.dry_run), out);
done:
	request_clear(&r);
	return rc;
}
