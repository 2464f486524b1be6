#!/usr/bin/env bash
# Screenshots of the real program in xterm under Xvfb, on a light and a dark background (issue 19).
# Needs Debian's xvfb, xterm, x11-apps and imagemagick. Usage: docs/screenshots.sh BINARY DB OUTDIR
# The palette is not forced: xterm answers the program's OSC 11 question with its background.
set -euo pipefail
binary=$1 db=$2 out=$3
mkdir -p "$out"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1000x700x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
for background in light dark; do
    if [ "$background" = light ]; then colours=(-bg white -fg black); else colours=(-bg black -fg gray90); fi
    DISPLAY=$display xterm -geometry 80x24+0+0 -fa Monospace -fs 11 "${colours[@]}" \
        -xrm 'XTerm*allowColorOps: true' -e env TERM=xterm-256color XDG_CONFIG_HOME=/nonexistent LANG=C.UTF-8 \
        "$binary" --db "$db" &
    term=$!
    sleep 3
    sleep 1
    DISPLAY=$display import -window root -crop 1000x700+0+0 "$out/sip-tui-$background.png"
    kill $term 2>/dev/null || true
    wait $term 2>/dev/null || true
done
echo "$out/sip-tui-light.png $out/sip-tui-dark.png"
