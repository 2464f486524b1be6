#ifndef SIP_CNCURSES_SHIM_H
#define SIP_CNCURSES_SHIM_H
// SwiftPM drops -D_XOPEN_SOURCE from pkg-config, so ask for the wide-character API ourselves;
// without it get_wch, add_wch and mvaddwstr silently vanish.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot import.
static inline WINDOW *sip_stdscr(void) { return stdscr; }
static inline int sip_lines(void) { return LINES; }
static inline int sip_cols(void) { return COLS; }
static inline int sip_attr_reverse(void) { return (int)A_REVERSE; }
static inline int sip_attr_bold(void) { return (int)A_BOLD; }
static inline int sip_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int sip_attr_normal(void) { return (int)A_NORMAL; }
static inline int sip_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int sip_key_f(int n) { return KEY_F(n); }
static inline int sip_key_resize(void) { return KEY_RESIZE; }
static inline WINDOW *sip_curscr(void) { return curscr; }
// stdin/stdout are mutable C globals Swift 6 will not touch.
static inline SCREEN *sip_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
static inline int sip_key_code_yes(void) { return KEY_CODE_YES; }
// The terminal's colours from terminfo (COLORS is set only once start_color has run).
static inline int sip_colors(void) { int n = tigetnum("colors"); return n > 0 ? n : 0; }
// The locale's character set, after setlocale: "UTF-8", "ISO-8859-1", "ANSI_X3.4-1968" (C).
static inline const char *sip_codeset(void) { return nl_langinfo(CODESET); }
#endif
