/* model: hashed features of a comment's views, logistic scoring, and the
 * model file (model.h describes the format). */
#include "model.h"

#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fold.h"
#include "readfile.h"
#include "text.h"

/* Feature namespaces: the same string as a word and as a character
 * n-gram are different features. */
enum {
	NS_BIGRAM = 'b',	/* two folded words */
	NS_FOLDED = 'f',	/* a folded word */
	NS_CHARS = 'c',		/* character n-gram of a folded word */
};

/* Hashing: a word is read 8 bytes at a time (little-endian whatever the
 * host, so a model means the same everywhere), each chunk mixed in with
 * a multiply; the index is taken from the high half of a last product,
 * where every input bit has had its say. */
#define HASH_MUL	0x9e3779b97f4a7c15ull

static inline uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

static inline uint64_t
le_bytes(const unsigned char *p, size_t n)
{
	uint64_t x = 0;

	for (size_t i = 0; i < n; i++)
		x |= (uint64_t)p[i] << (8 * i);
	return x;
}

/* 8 bytes as a little-endian number: one load on x86 */
static inline uint64_t
le64(const unsigned char *p)
{
	uint64_t x;

	memcpy(&x, p, sizeof(x));
	return le64toh(x);
}

static inline uint64_t
word_hash(uint64_t seed, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint64_t		 h = seed ^ n;

	for (; n >= 8; p += 8, n -= 8) {
		h = (h ^ le64(p)) * HASH_MUL;
		h ^= h >> 29;
	}
	h = (h ^ le_bytes(p, n)) * HASH_MUL;
	return h ^ h >> 29;
}

static inline uint32_t
hash_idx(uint64_t h, uint64_t ns, uint32_t mask)
{
	return (uint32_t)(((h ^ ns) * HASH_MUL) >> 32) & mask;
}

/* A namespace's constant under a seed. */
static inline uint64_t
ns_key(uint32_t seed, unsigned ns)
{
	return mix64(((uint64_t)seed << 8 | ns) * HASH_MUL);
}

void
model_feats_init(struct model_feats *f)
{
	memset(f, 0, sizeof(*f));
}

void
model_feats_free(struct model_feats *f)
{
	free(f->v);
	free(f->words);
	free(f->spans);
	free(f->pad);
	free(f->tab);
	model_feats_init(f);
}

/* Room for every feature a comment can give, reserved once per comment
 * so that the loops below store without checking: a word of n bytes
 * (and a separator after it, but the last) gives itself, a 2-gram with
 * the word before, and 3n - 3 character n-grams (one when n is 1): at
 * most 3n features and two spans. */
static int
reserve(struct model_feats *f, size_t flen)
{
	size_t need = 3 * flen + 8, wneed = flen + 8;

	if (need > f->cap) {
		size_t cap = f->cap ? f->cap : 256;
		while (cap < need)
			cap *= 2;
		struct model_feat *v = realloc(f->v, cap * sizeof(*v));
		if (v == NULL)
			return -1;
		f->v = v;
		f->cap = cap;
	}
	if (wneed > f->words_cap) {
		size_t cap = f->words_cap ? f->words_cap : 64;
		while (cap < wneed)
			cap *= 2;
		struct model_word *w = realloc(f->words, cap * sizeof(*w));
		if (w == NULL)
			return -1;
		f->words = w;
		f->words_cap = cap;
	}
	return 0;
}

/* The padded word char_grams reads, with 8 bytes to spare. */
static int
reserve_pad(struct model_feats *f, size_t flen)
{
	if (flen + 10 <= f->pad_cap)
		return 0;
	unsigned char *b = realloc(f->pad, flen + 10);
	if (b == NULL)
		return -1;
	f->pad = b;
	f->pad_cap = flen + 10;
	return 0;
}

static inline uint32_t
word_add(struct model_feats *f, size_t os, size_t oe)
{
	f->words[f->nwords] = (struct model_word){ (uint32_t)os, (uint32_t)oe };
	return (uint32_t)f->nwords++;
}

static inline void
push_idx(struct model_feats *f, uint32_t idx, uint32_t word)
{
	f->v[f->n++] = (struct model_feat){ idx, word };
}

/* Character n-grams (3 to 5 bytes) of " word ": bytes, not code points;
 * training and scoring cut the same way. Each is read as one 64-bit
 * little-endian number and hashed with one multiply (the high half of
 * the product, where every input bit has had its say), so the grams of
 * a word hash independently of each other and in parallel. */
#define GRAM_MUL	0x9e3779b97f4a7c15ull

static void
char_grams(struct model_feats *f, const uint64_t gseed[3], uint32_t mask,
    const char *w, size_t wlen, uint32_t word)
{
	unsigned char	*b = f->pad;
	size_t		 plen = wlen + 2;

	b[0] = ' ';
	memcpy(b + 1, w, wlen);
	b[wlen + 1] = ' ';
	memset(b + plen, 0, 8);
	for (size_t i = 0; i + 3 <= plen; i++) {
		uint64_t g = le64(b + i) & 0xffffffffffull;

		push_idx(f, (uint32_t)(((g & 0xffffffull) ^ gseed[0]) *
		    GRAM_MUL >> 32) & mask, word);
		if (i + 4 <= plen)
			push_idx(f, (uint32_t)(((g & 0xffffffffull) ^
			    gseed[1]) * GRAM_MUL >> 32) & mask, word);
		if (i + 5 <= plen)
			push_idx(f, (uint32_t)((g ^ gseed[2]) * GRAM_MUL >>
			    32) & mask, word);
	}
}

int
model_features(struct views *vs, uint32_t bits, uint32_t seed,
    struct model_feats *f)
{
	const struct view	*fv;
	uint32_t		 mask = (bits >= 32) ? UINT32_MAX :
				    (1u << bits) - 1;
	size_t			 pos = 0, s, e, os, oe;
	size_t			 pos_s = 0;
	bool			 have_prev = false;
	uint64_t		 gseed[3], hprev = 0, seed0 = ns_key(seed, 0);
	uint64_t		 ns_bigram = ns_key(seed, NS_BIGRAM);
	uint64_t		 ns_folded = ns_key(seed, NS_FOLDED);

	f->n = 0;
	f->nwords = 0;
	f->val = 0;
	if ((fv = views_folded(vs, FOLD_ALL)) == NULL ||
	    reserve(f, fv->len) == -1 ||
	    reserve_pad(f, fv->len) == -1)
		return -1;
	/* the grams' 3 to 5 bytes leave the top 3 free for the seed */
	for (unsigned n = 0; n < 3; n++)
		gseed[n] = ns_key(seed, NS_CHARS + n) << 40;
	while (text_next_word(fv->text, fv->len, &pos, &s, &e)) {
		uint64_t	h = word_hash(seed0, fv->text + s, e - s);
		uint32_t	w;

		view_span_orig(fv, s, e, &os, &oe);
		w = word_add(f, os, oe);
		push_idx(f, hash_idx(h, ns_folded, mask), w);
		/* a 2-gram: the two words' hashes, in order */
		if (have_prev)
			push_idx(f, hash_idx(mix64(hprev * HASH_MUL ^ h),
			    ns_bigram, mask), word_add(f, pos_s, oe));
		hprev = h;
		pos_s = os;
		have_prev = true;
		char_grams(f, gseed, mask, fv->text + s, e - s, w);
	}
	if (f->n > 0)
		f->val = (float)(1.0 / sqrt((double)f->n));
	return 0;
}

double
model_score(const struct model *m, const struct model_feats *f)
{
	/* four sums, so that the adds do not wait on each other while the
	 * weights come from memory */
	float	 s[4] = { 0, 0, 0, 0 };
	size_t	 i = 0;
	double	 dot;

	for (; i + 4 <= f->n; i += 4) {
		s[0] += m->w[f->v[i].idx];
		s[1] += m->w[f->v[i + 1].idx];
		s[2] += m->w[f->v[i + 2].idx];
		s[3] += m->w[f->v[i + 3].idx];
	}
	for (; i < f->n; i++)
		s[0] += m->w[f->v[i].idx];
	dot = ((double)s[0] + s[1] + s[2] + s[3]) * f->val + m->bias;
	return 1.0 / (1.0 + exp(-dot));
}

static int
span_cmp(const void *a, const void *b)
{
	const struct model_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

size_t
model_top_spans(const struct model *m, struct model_feats *f,
    struct model_span *out, size_t max)
{
	size_t	u = 0, n = 0;

	if (f->n == 0)
		return 0;
	if (f->spans_cap < f->nwords) {
		struct model_span *sp = realloc(f->spans,
		    f->nwords * sizeof(*sp));

		if (sp == NULL)
			return 0;
		f->spans = sp;
		f->spans_cap = f->nwords;
	}
	/* each word's weight: the sum over its features */
	for (size_t i = 0; i < f->nwords; i++)
		f->spans[i] = (struct model_span){ f->words[i].start,
		    f->words[i].end, 0 };
	for (size_t i = 0; i < f->n; i++)
		f->spans[f->v[i].word].weight += (double)m->w[f->v[i].idx] *
		    f->val;
	u = f->nwords;
	/* then the same span from another view or namespace (a word in
	 * the normal and the folded view) is merged through a small hash
	 * table of span to its first place */
	size_t tsize = 16, k = 0;
	while (tsize < 2 * u)
		tsize <<= 1;
	if (f->tab_cap < tsize) {
		uint32_t *t = realloc(f->tab, tsize * sizeof(*t));

		if (t == NULL)
			return 0;
		f->tab = t;
		f->tab_cap = tsize;
	}
	memset(f->tab, 0xff, tsize * sizeof(*f->tab));
	for (size_t i = 0; i < u; i++) {
		size_t slot = (size_t)(((uint64_t)f->spans[i].start << 32 |
		    f->spans[i].end) * HASH_MUL >> 40) & (tsize - 1);

		for (;; slot = (slot + 1) & (tsize - 1)) {
			uint32_t at = f->tab[slot];

			if (at == UINT32_MAX) {
				f->tab[slot] = (uint32_t)k;
				f->spans[k++] = f->spans[i];
				break;
			}
			if (span_cmp(&f->spans[at], &f->spans[i]) == 0) {
				f->spans[at].weight += f->spans[i].weight;
				break;
			}
		}
	}
	u = k;
	/* the best of what overlaps none chosen, max times */
	while (n < max) {
		size_t best = u;

		for (size_t i = 0; i < u; i++) {
			bool overlaps = false;

			if (f->spans[i].weight <= 0 || (best < u &&
			    f->spans[i].weight <= f->spans[best].weight))
				continue;
			for (size_t j = 0; j < n && !overlaps; j++)
				overlaps = f->spans[i].start < out[j].end &&
				    out[j].start < f->spans[i].end;
			if (!overlaps)
				best = i;
		}
		if (best == u)
			break;
		out[n++] = f->spans[best];
	}
	return n;
}

struct model *
model_new(uint32_t bits, uint32_t seed)
{
	struct model *m;

	if (bits < MODEL_BITS_MIN || bits > MODEL_BITS_MAX) {
		errno = EINVAL;
		return NULL;
	}
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	if ((m->w = calloc((size_t)1 << bits, sizeof(*m->w))) == NULL) {
		free(m);
		return NULL;
	}
	m->scheme = MODEL_SCHEME;
	m->bits = bits;
	m->seed = seed;
	m->reject_at = m->review_at = 0.5f;
	return m;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	free(m->w);
	free(m);
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static float
getf(const unsigned char *p)
{
	uint32_t	u = get32(p);
	float		x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void
put64(unsigned char *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

static void
putf(unsigned char *p, float x)
{
	uint32_t u;

	memcpy(&u, &x, sizeof(u));
	put32(p, u);
}

struct model *
model_parse(const void *buf, size_t len, char *err, size_t errlen)
{
	const unsigned char	*p = buf;
	struct model		*m;
	uint32_t		 version, scheme, bits;
	float			 reject_at, review_at, bias;
	size_t			 want;

	if (len < 8 || memcmp(p, MODEL_MAGIC, 8) != 0) {
		snprintf(err, errlen, "not a decorumd model (bad magic)");
		return NULL;
	}
	if (len < MODEL_HEADER_SIZE) {
		snprintf(err, errlen, "truncated: %zu bytes, the header alone "
		    "is %u", len, MODEL_HEADER_SIZE);
		return NULL;
	}
	if ((version = get32(p + 8)) != MODEL_VERSION) {
		snprintf(err, errlen, "model format version %u; this build "
		    "reads version %u", version, MODEL_VERSION);
		return NULL;
	}
	if ((scheme = get32(p + 12)) != MODEL_SCHEME) {
		snprintf(err, errlen, "feature scheme %u; this build computes "
		    "scheme %u (learn the model again)", scheme, MODEL_SCHEME);
		return NULL;
	}
	bits = get32(p + 16);
	if (bits < MODEL_BITS_MIN || bits > MODEL_BITS_MAX) {
		snprintf(err, errlen, "hash bits %u out of range (%u to %u)",
		    bits, MODEL_BITS_MIN, MODEL_BITS_MAX);
		return NULL;
	}
	reject_at = getf(p + 24);
	review_at = getf(p + 28);
	bias = getf(p + 32);
	if (!(reject_at > 0 && reject_at < 1) ||
	    !(review_at > 0 && review_at <= reject_at)) {
		snprintf(err, errlen, "thresholds out of range (reject %g, "
		    "review %g)", (double)reject_at, (double)review_at);
		return NULL;
	}
	if (!isfinite(bias)) {
		snprintf(err, errlen, "bias is not a finite number");
		return NULL;
	}
	want = MODEL_HEADER_SIZE + ((size_t)4 << bits);
	if (len != want) {
		snprintf(err, errlen, "%s: %zu bytes, a model of %u hash bits "
		    "is %zu", len < want ? "truncated" : "trailing bytes",
		    len, bits, want);
		return NULL;
	}
	if ((m = model_new(bits, get32(p + 20))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->reject_at = reject_at;
	m->review_at = review_at;
	m->bias = bias;
	m->npos = get64(p + 40);
	m->nneg = get64(p + 48);
	m->data_hash = get64(p + 56);
	m->trained_at = (int64_t)get64(p + 64);
	for (size_t i = 0; i < ((size_t)1 << bits); i++) {
		m->w[i] = getf(p + MODEL_HEADER_SIZE + 4 * i);
		if (!isfinite(m->w[i])) {
			snprintf(err, errlen, "weight %zu is not a finite "
			    "number", i);
			model_free(m);
			return NULL;
		}
	}
	return m;
}

struct model *
model_load(const char *path, char *err, size_t errlen)
{
	struct model	*m;
	const char	*why;
	size_t		 len;
	char		*buf;

	if ((buf = readfile(path, MODEL_MAX_FILE, &len, &why)) == NULL) {
		snprintf(err, errlen, "%s", why);
		return NULL;
	}
	m = model_parse(buf, len, err, errlen);
	free(buf);
	return m;
}

int
model_write(const struct model *m, const char *path)
{
	size_t		 n = (size_t)1 << m->bits;
	size_t		 len = MODEL_HEADER_SIZE + 4 * n;
	unsigned char	*buf;
	char		*tmp = NULL;
	int		 fd = -1, saved;
	bool		 made = false;
	ssize_t		 w;
	size_t		 off = 0;

	if ((buf = calloc(1, len)) == NULL)
		return -1;
	memcpy(buf, MODEL_MAGIC, 8);
	put32(buf + 8, MODEL_VERSION);
	put32(buf + 12, m->scheme);
	put32(buf + 16, m->bits);
	put32(buf + 20, m->seed);
	putf(buf + 24, m->reject_at);
	putf(buf + 28, m->review_at);
	putf(buf + 32, m->bias);
	put64(buf + 40, m->npos);
	put64(buf + 48, m->nneg);
	put64(buf + 56, m->data_hash);
	put64(buf + 64, (uint64_t)m->trained_at);
	for (size_t i = 0; i < n; i++)
		putf(buf + MODEL_HEADER_SIZE + 4 * i, m->w[i]);
	if (asprintf(&tmp, "%s.tmpXXXXXX", path) == -1) {
		tmp = NULL;
		goto fail;
	}
	if ((fd = mkstemp(tmp)) == -1)
		goto fail;
	made = true;
	while (off < len) {
		if ((w = write(fd, buf + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	if (fchmod(fd, 0644) == -1 || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	free(buf);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	if (made)
		unlink(tmp);
	free(tmp);
	free(buf);
	errno = saved;
	return -1;
}
