/* Unit tests of syntax_report: a libconfig syntax error reported with the
 * token the parser stopped at, and, for a missing separator or bracket,
 * the line that needs the fix. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libconfig.h>
#include <stdio.h>
#include <string.h>

#include "syntax.h"

/* libconfig 1.5 loses the string it was holding when a syntax error
 * follows it (tests/fuzz/lsan.supp); these tests make such errors on
 * purpose. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:strbuf_append\nleak:libconfig.so\n";
}

/* What syntax_report says about text, which must not parse. */
static void
expect(const char *text, const char *want)
{
	config_t	 cfg;
	struct diag	 d;

	config_init(&cfg);
	assert_int_not_equal(config_read_string(&cfg, text), CONFIG_TRUE);
	diag_init(&d);
	syntax_report(&d, "f.conf", text, config_error_line(&cfg),
	    config_error_text(&cfg));
	config_destroy(&cfg);
	assert_int_equal(d.errors, 1);
	if (strcmp(d.items[0].text, want) != 0)
		fail_msg("got \"%s\", want \"%s\"", d.items[0].text, want);
	diag_free(&d);
}

static void
test_missing_comma_blames_the_line_before(void **state)
{
	(void)state;
	expect("category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"a\"; words = [\"darn\"]; }   # first\n"
	    "\n"
	    "  // a comment line is skipped\n"
	    "  { id = \"b\"; words = [\"heck\"]; }\n"
	    ");\n",
	    "f.conf:3: missing ',' after this element? (parser stopped at "
	    "line 6 near '{')");
}

static void
test_missing_comma_in_an_array(void **state)
{
	(void)state;
	/* (two strings side by side are one: "y" "z" is "yz") */
	expect("limits = [1, 2\n"
	    "   3];\n"
	    "name = \"n\";\n",
	    "f.conf:1: missing ',' after this element? (parser stopped at "
	    "line 2 near '3')");
}

static void
test_token_in_the_middle_of_a_line(void **state)
{
	(void)state;
	expect("category = \"x\";\n"
	    "rules = ( { id = \"c\"; words = [\"darn\"; } );\n",
	    "f.conf:2: syntax error near ';'");
	expect("rules = ( { id = \"c\"; regex = words = \"x\"; } );\n",
	    "f.conf:1: syntax error near 'words'");
}

static void
test_unclosed_list(void **state)
{
	(void)state;
	expect("category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"d\"; words = [\"twit\"]; }\n"
	    "\n"
	    "allow = [\"twitter\"];\n",
	    "f.conf:2: '(' opened here is not closed? (parser stopped at "
	    "line 5 near 'allow')");
}

static void
test_long_token_is_cut(void **state)
{
	char text[256];

	(void)state;
	snprintf(text, sizeof(text), "a = 1;\nb = = %s;\n",
	    "\"0123456789012345678901234567890123456789\"");
	expect(text, "f.conf:2: syntax error near '='");
	snprintf(text, sizeof(text), "a = [1, 2];\nb = [1 %s];\n",
	    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
	expect(text, "f.conf:2: syntax error near "
	    "'abcdefghijklmnopqrstuvwxyzabcdef…'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_comma_blames_the_line_before),
		cmocka_unit_test(test_missing_comma_in_an_array),
		cmocka_unit_test(test_token_in_the_middle_of_a_line),
		cmocka_unit_test(test_unclosed_list),
		cmocka_unit_test(test_long_token_is_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
