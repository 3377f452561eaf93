#include "reply.h"

#include <math.h>

static json_t *
hit_json(const struct engine *e, const struct hit *h, const char *text)
{
	json_t *o = json_object();

	if (o == NULL)
		return NULL;
	json_object_set_new(o, "rule", json_string(rules_id(e->rb, h->rule)));
	json_object_set_new(o, "category",
	    json_string(rules_category_name(e->rb,
	    rules_category_of(e->rb, h->rule))));
	json_object_set_new(o, "start", json_integer(h->start));
	json_object_set_new(o, "end", json_integer(h->end));
	/* the span can be the whole comment: echo at most REPLY_MATCH_MAX
	 * bytes of it, cut before a character (start/end give all of it) */
	size_t n = h->end - h->start;
	bool cut = n > REPLY_MATCH_MAX;
	if (cut) {
		n = REPLY_MATCH_MAX;
		while (n > 0 && ((unsigned char)text[h->start + n] & 0xc0) == 0x80)
			n--;
	}
	json_t *m = json_stringn(text + h->start, n);
	json_object_set_new(o, "match", m ? m : json_string(""));
	if (cut)
		json_object_set_new(o, "match_truncated", json_true());
	if (h->score >= 0)	/* a model's: its probability */
		json_object_set_new(o, "score",
		    json_real(round(h->score * 1e4) / 1e4));
	if (h->budget)
		json_object_set_new(o, "error", json_string(
		    "the comment's regex time budget ran out; the remaining "
		    "regexes were skipped"));
	else if (h->limit)
		json_object_set_new(o, "error", json_string(
		    "regex hit its match limit; held for review"));
	return o;
}

json_t *
reply_categories(const struct engine *e, const struct verdict *v)
{
	json_t *cats = json_array();

	for (size_t c = 0; cats != NULL && c < rules_category_count(e->rb); c++)
		if (v->cat_state[c] != 0)
			json_array_append_new(cats,
			    json_string(rules_category_name(e->rb, (uint32_t)c)));
	return cats;
}

json_t *
reply_verdict(const struct engine *e, const struct policy *p,
    const struct check_scratch *cs, json_t *id, const char *text,
    bool dry_run)
{
	const struct verdict *v = &cs->v;
	json_t *o = json_object(), *cats = reply_categories(e, v);
	json_t *reasons = json_array();

	if (o == NULL || cats == NULL || reasons == NULL) {
		json_decref(o);
		json_decref(cats);
		json_decref(reasons);
		return NULL;
	}
	if (id != NULL)
		json_object_set(o, "id", id);
	json_object_set_new(o, "decision", json_string(decision_name(v->decision)));
	json_object_set_new(o, "categories", cats);
	for (size_t i = 0; i < v->nreasons; i++)
		json_array_append_new(reasons,
		    hit_json(e, &cs->ms.hits[v->reasons[i]], text));
	json_object_set_new(o, "reasons", reasons);
	if (v->nshadow > 0) {
		json_t *sh = json_array();
		for (size_t i = 0; sh && i < v->nshadow; i++)
			json_array_append_new(sh,
			    hit_json(e, &cs->ms.hits[v->shadow[i]], text));
		json_object_set_new(o, "shadow", sh);
	}
	json_object_set_new(o, "policy", json_string(p->name));
	json_object_set_new(o, "rules_version", json_string(e->version));
	if (dry_run)
		json_object_set_new(o, "dry_run", json_true());
	return o;
}

json_t *
reply_error(json_t *id, enum err_code code, const char *message)
{
	json_t *o = json_object(), *err = json_object();

	if (o == NULL || err == NULL) {
		json_decref(o);
		json_decref(err);
		return NULL;
	}
	json_object_set(o, "id", id != NULL ? id : json_null());
	json_object_set_new(err, "code", json_string(err_code_name(code)));
	/* messages may quote request bytes; never let them break the JSON */
	json_t *m = json_string(message);
	json_object_set_new(err, "message", m ? m : json_string("invalid request"));
	json_object_set_new(o, "error", err);
	return o;
}

int
reply_dump(json_t *obj, json_dump_callback_t fn, void *ctx)
{
	int rc;

	if (obj == NULL)
		return -1;
	rc = json_dump_callback(obj, fn, ctx, JSON_COMPACT);
	json_decref(obj);
	if (rc == 0)
		rc = fn("\n", 1, ctx);
	return rc;
}
