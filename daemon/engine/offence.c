#include "offence.h"

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "policy.h"
#include "rulebook.h"
#include "rules.h"
#include "severity.h"

void
offence_scratch_free(struct offence_scratch *os)
{
	free(os->order);
	free(os->counted);
	free(os->firm);
	memset(os, 0, sizeof(*os));
}

static int
reserve(void **p, size_t *cap, size_t n, size_t elem)
{
	if (*cap >= n && *p != NULL)
		return 0;
	void *np = realloc(*p, (n ? n : 1) * elem);
	if (np == NULL)
		return -1;
	*p = np;
	*cap = n;
	return 0;
}

/* order a before b? by category, then start, then end */
static bool
before(const struct rulebook *rb, const struct hit *a, const struct hit *b)
{
	uint32_t ca = rb->rules[a->rule].category, cb = rb->rules[b->rule].category;

	if (ca != cb)
		return ca < cb;
	if (a->start != b->start)
		return a->start < b->start;
	return a->end < b->end;
}

int
offence_score(struct offence_scratch *os, const struct rulebook *rb,
    const struct policy *p, const struct match_scratch *ms, double *scores)
{
	size_t n = 0;

	if (reserve((void **)&os->order, &os->order_cap, ms->nhits,
	    sizeof(uint32_t)) == -1 ||
	    reserve((void **)&os->counted, &os->counted_cap, rb->nrules, 1) == -1 ||
	    reserve((void **)&os->firm, &os->firm_cap, rb->ncategories,
	    sizeof(double)) == -1)
		return -1;
	memset(os->counted, 0, rb->nrules);
	for (size_t c = 0; c < rb->ncategories; c++)
		os->firm[c] = scores[c] = 0;

	/* the hits that count, sorted (few per comment: insertion sort) */
	for (size_t i = 0; i < ms->nhits; i++) {
		const struct hit *h = &ms->hits[i];
		const struct rule *r = &rb->rules[h->rule];

		if (h->suppressed || h->limit || h->review ||
		    !p->sets[r->set] || r->shadow ||
		    severity_outcome(p, rb, r) == SEV_ACCEPT)
			continue;
		size_t j = n;
		while (j > 0 && before(rb, h, &ms->hits[os->order[j - 1]])) {
			os->order[j] = os->order[j - 1];
			j--;
		}
		os->order[j] = (uint32_t)i;
		n++;
	}
	/* runs of overlapping hits of one category are one offence */
	for (size_t i = 0; i < n;) {
		const struct hit *h0 = &ms->hits[os->order[i]];
		uint32_t cat = rb->rules[h0->rule].category, end = h0->end;
		double	 all = 0, firm = 0;
		size_t	 j = i;

		for (; j < n; j++) {
			const struct hit *h = &ms->hits[os->order[j]];
			const struct rule *r = &rb->rules[h->rule];

			if (r->category != cat || (j > i && h->start >= end))
				break;
			if (h->end > end)
				end = h->end;
			if (os->counted[h->rule])
				continue;
			if (r->weight > all)
				all = r->weight;
			if (severity_outcome(p, rb, r) == SEV_REJECT &&
			    r->weight > firm)
				firm = r->weight;
		}
		for (size_t k = i; k < j; k++)
			os->counted[ms->hits[os->order[k]].rule] = 1;
		scores[cat] += all;
		os->firm[cat] += firm;
		i = j;
	}
	return 0;
}
