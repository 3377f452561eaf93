/* syntax: where a libconfig syntax error really is (syntax.h). Used by
 * the rule loader and config.c; runs only when a file does not parse. */
#include "syntax.h"

#include <ctype.h>
#include <libconfig.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "readfile.h"

#define SYNTAX_TOKEN_MAX	32

/* Start of line n (1-based) of text, or NULL. */
static const char *
line_start(const char *text, int n)
{
	for (const char *p = text; n > 1; n--) {
		if ((p = strchr(p, '\n')) == NULL)
			return NULL;
		text = ++p;
	}
	return text;
}

/* The next token of line [p, end): a string, a run of name or number
 * characters, or one other character; comments end the line. */
static bool
next_token(const char **p, const char *end, const char **ts, const char **te)
{
	const char *s = *p;

	while (s < end && isspace((unsigned char)*s))
		s++;
	if (s >= end || *s == '#' || (s[0] == '/' && s + 1 < end &&
	    (s[1] == '/' || s[1] == '*')))
		return false;
	const char *e = s + 1;
	if (*s == '"') {
		while (e < end && *e != '"')
			e += *e == '\\' && e + 1 < end ? 2 : 1;
		if (e < end)
			e++;
	} else if (isalnum((unsigned char)*s) || strchr("_.-+*", *s) != NULL) {
		while (e < end && (isalnum((unsigned char)*e) ||
		    strchr("_.-+*", *e) != NULL))
			e++;
	}
	*ts = s;
	*te = e;
	*p = e;
	return true;
}

/* Does text cut after its first len bytes fail to parse at line (and
 * not at its end, five lines further)? */
static bool
fails_at(const char *text, size_t len, int line)
{
	config_t	 cfg;
	char		*cut = malloc(len + 8);
	bool		 at = false;

	if (cut == NULL)
		return false;
	memcpy(cut, text, len);
	memcpy(cut + len, "\n\n\n\n\n", 6);
	config_init(&cfg);
	if (config_read_string(&cfg, cut) != CONFIG_TRUE)
		at = config_error_line(&cfg) == line;
	config_destroy(&cfg);
	free(cut);
	return at;
}

/* The last character of line [s, end) that is not a comment or space;
 * 0 for a blank or comment line. */
static char
last_significant(const char *s, const char *end)
{
	char last = 0;
	bool in_str = false;

	for (const char *p = s; p < end; p++) {
		if (in_str) {
			if (*p == '\\' && p + 1 < end)
				p++;
			else if (*p == '"') {
				in_str = false;
				last = '"';
			}
			continue;
		}
		if (*p == '#' || (p[0] == '/' && p + 1 < end &&
		    (p[1] == '/' || p[1] == '*')))
			break;
		if (*p == '"')
			in_str = true;
		if (!isspace((unsigned char)*p))
			last = *p;
	}
	return last;
}

/* The innermost bracket left open before end (outside strings and
 * comments): its character, and its line in *line; 0 when none is. */
static char
open_bracket(const char *text, const char *end, int *line)
{
	char	 stack[64];
	int	 lines[64], n = 0, ln = 1;

	for (const char *p = text; p < end; p++) {
		if (*p == '\n')
			ln++;
		else if (*p == '"') {
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\' && p + 1 < end)
					p++;
				else if (*p == '\n')
					ln++;
		} else if (*p == '#' || (p[0] == '/' && p + 1 < end && p[1] == '/')) {
			while (p + 1 < end && p[1] != '\n')
				p++;
		} else if (p[0] == '/' && p + 1 < end && p[1] == '*') {
			for (p += 2; p + 1 < end && !(p[0] == '*' && p[1] == '/'); p++)
				if (*p == '\n')
					ln++;
			p++;
		} else if (strchr("({[", *p) != NULL) {
			if (n < 64) {
				stack[n] = *p;
				lines[n] = ln;
			}
			n++;
		} else if (strchr(")}]", *p) != NULL && n > 0)
			n--;
	}
	if (n == 0 || n > 64)
		return 0;
	*line = lines[n - 1];
	return stack[n - 1];
}

void
syntax_report(struct diag *d, const char *file, const char *text, int line,
    const char *msg)
{
	const char	*ls = line > 0 ? line_start(text, line) : NULL;
	const char	*le, *p, *ts = NULL, *te = NULL, *bad = NULL, *bade = NULL;
	bool		 first = true, bad_first = false;
	char		 tok[SYNTAX_TOKEN_MAX * 4 + 8];

	if (ls == NULL) {
		diag_error(d, file, line, "%s", msg);
		return;
	}
	le = strchr(ls, '\n');
	if (le == NULL)
		le = ls + strlen(ls);
	/* the first token that, kept, makes the parse fail on this line;
	 * none: the line's first token */
	const char *fs = NULL, *fe = NULL;
	bool found = false;
	for (p = ls; next_token(&p, le, &ts, &te); first = false) {
		if (fs == NULL) {
			fs = ts;
			fe = te;
		}
		/* not cut after a string: libconfig joins it to a string that
		 * may follow, and 1.5 loses the string it holds when the text
		 * ends there; the token after it tells as well */
		if (*ts == '"')
			continue;
		if (fails_at(text, (size_t)(te - text), line)) {
			bad = ts;
			bade = te;
			bad_first = first;
			found = true;
			break;
		}
	}
	if (!found) {
		bad = fs;
		bade = fe;
		bad_first = true;
	}
	if (bad == NULL) {
		diag_error(d, file, line, "%s", msg);
		return;
	}
	int n;
	size_t blen = (size_t)(bade - bad);
	char *b = strndup(bad, blen < sizeof(tok) - 8 ? blen : sizeof(tok) - 8);
	const char *cut = readfile_quote(b != NULL ? b : "", SYNTAX_TOKEN_MAX, &n);
	snprintf(tok, sizeof(tok), "%.*s%s", n, b != NULL ? b : "", cut);
	free(b);

	/* a setting where a list or an array goes on: one left open */
	int ol;
	char open = open_bracket(text, bad, &ol);
	const char *q = bade;
	while (q < le && isspace((unsigned char)*q))
		q++;
	if ((open == '(' || open == '[') && isalpha((unsigned char)*bad) &&
	    q < le && (*q == '=' || *q == ':')) {
		diag_error(d, file, ol, "'%c' opened here is not closed? (parser "
		    "stopped at line %d near '%s')", open, line, tok);
		return;
	}
	/* at the start of its line: is the line before it left open? */
	if (bad_first) {
		int pl = line - 1;
		const char *ps;
		char last = 0;
		for (; pl >= 1 && (ps = line_start(text, pl)) != NULL; pl--) {
			const char *pe = strchr(ps, '\n');
			if ((last = last_significant(ps, pe != NULL ? pe : ps +
			    strlen(ps))) != 0)
				break;
		}
		if (pl >= 1 && last != 0 && strchr(";,{([=:", last) == NULL) {
			bool setting = isalpha((unsigned char)*bad) &&
			    !(bade - bad == 4 && strncmp(bad, "true", 4) == 0) &&
			    !(bade - bad == 5 && strncmp(bad, "false", 5) == 0);
			diag_error(d, file, pl, "missing '%c' after this %s? "
			    "(parser stopped at line %d near '%s')",
			    setting ? ';' : ',', setting ? "setting" : "element",
			    line, tok);
			return;
		}
	}
	diag_error(d, file, line, "%s near '%s'", msg, tok);
}
