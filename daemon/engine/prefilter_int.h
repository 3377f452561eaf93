/* prefilter_int: the formula of literals a regex needs, shared by the
 * pattern reader (resyntax.c), which builds it, and prefilter.c, which
 * keeps its algebra and chooses what the automaton (aho.c) looks for.
 * Only those include this header. */
#ifndef DECORUM_PREFILTER_INT_H
#define DECORUM_PREFILTER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prefilter.h"

/* ---- reading a pattern for its required literals ----
 *
 * A pattern is read as a formula: a sequence needs all of its mandatory
 * items, an alternation one of its branches. Kept as clauses (any one
 * clause suffices) of sets (each set needs one of its literals), so that
 * every branch of a long alternation keeps its own rare words. */

/* Sizes while reading: past them a formula is made coarser, never wrong. */
#define RUN_MAX_ALTS	64	/* spellings of one literal run */
#define RUN_MAX_LEN	255
#define CLASS_MAX	16	/* characters of a class spelled out */
#define CLAUSE_SETS	8	/* sets kept per clause while reading */
#define BUILD_CLAUSES	64	/* clauses kept while reading */
#define KEEP_SETS	4	/* sets kept per clause at the end */

/* What holds at a position, as far as the pattern says: a \b, or a
 * neighbour (on the side looked at) that is no word character or the
 * subject's edge. */
enum ctx {
	CTX_NONE = 0,
	CTX_BOUND,
	CTX_NONWORD,
};

struct lit {
	char	*s;
	uint8_t	 f;		/* PREFILTER_WORD_* */
};

/* One literal of these; sorted, so equal sets compare equal. Shared by
 * the clauses that need it. */
struct aset {
	unsigned	 refs;
	struct lit	*v;
	size_t		 n, cap;
	double		 p;	/* chance it occurs; < 0 until computed */
};

struct clause {
	struct aset	*v[CLAUSE_SETS];
	size_t		 n;
};

/* any: nothing is known to be required. */
struct dnf {
	bool		 any;
	struct clause	*v;
	size_t		 n;
};

/* A list read once per pattern and context (lists recur in a pattern):
 * for its words, or for its heads. */
struct list_seen {
	char *const	*words;
	enum ctx	 before, after;
	bool		 heads;
	struct aset	*set;
};

struct pctx {
	const char		*p;
	prefilter_list_fn	*fn;
	void			*ctx;
	bool			 oom;
	bool			 bail;		/* a construct not understood */
	bool			 unanchored;	/* verbs, \\G, \\K: keep the start */
	struct list_seen	 seen[32];
	size_t			 nseen;
};

/* prefilter.c: the algebra of formulas */
enum ctx ctx_meet(enum ctx a, enum ctx b);
bool	pf_ascii_word(unsigned char ch);
/* Where a literal between contexts before and after needs a \b. */
uint8_t	pf_lit_flags(const char *s, size_t len, enum ctx before,
	    enum ctx after);
/* A rough chance that a literal occurs somewhere in a comment. */
double	pf_chance(const struct lit *l);
struct aset *aset_new(struct pctx *c);
struct aset *aset_ref(struct aset *a);
void	aset_unref(struct aset *a);
/* Add a literal (lower-cased for ASCII) in its sorted place. */
void	aset_add(struct pctx *c, struct aset *a, const char *s, size_t len,
	    uint8_t f);
bool	aset_equal(const struct aset *a, const struct aset *b);
void	dnf_any(struct dnf *d);
void	dnf_free(struct dnf *d);
/* d needs set a (the reference is taken over). */
void	dnf_set(struct pctx *c, struct dnf *d, struct aset *a);
/* a = a and b; a = a or b; b is used up. */
void	dnf_and(struct pctx *c, struct dnf *a, struct dnf *b);
void	dnf_or(struct pctx *c, struct dnf *a, struct dnf *b);

/* resyntax.c: read the pattern at c->p into out (what every match
 * needs) and head (the literals every match starts with; NULL: not
 * known). c->bail is set for a construct it does not understand. */
void	resyntax_read(struct pctx *c, struct dnf *out, struct aset **head);

#endif
