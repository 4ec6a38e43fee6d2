#!/usr/bin/env bash
# Writes a man page (roff) for a LeakHound command from its --help and, for
# each of its subcommands, their --help: the page cannot drift from the tool.
# Usage: make-manpage.sh BINARY NAME VERSION SUMMARY SECTIONS.roff > NAME.1
# SECTIONS.roff holds what --help cannot say (EXIT STATUS, SEE ALSO, …).
set -euo pipefail
binary=$1 name=$2 version=$3 summary=$4 sections=$5

# Help text as roff: escape backslashes, protect lines starting with . or '.
roff_block() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

# Qt's parser names the program by the path it was started from: use its name.
help=$("$binary" --help | awk -v path="$binary" -v name="$name" '{ while ((i = index($0, path)) > 0) $0 = substr($0, 1, i - 1) name substr($0, i + length(path)); print }')
subcommands=$(printf '%s\n' "$help" | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')

cat <<ROFF
.TH $(printf '%s' "$name" | tr '[:lower:]' '[:upper:]') 1 "" "LeakHound $version" "User Commands"
.SH NAME
$name \\- $summary
.SH SYNOPSIS
.B $name
$( [ -n "$subcommands" ] && echo '\fICOMMAND\fR [\fIOPTIONS\fR]' || echo '[\fIOPTIONS\fR]')
.SH DESCRIPTION
.nf
$(printf '%s\n' "$help" | roff_block)
.fi
ROFF

if [ -n "$subcommands" ]; then
  echo ".SH COMMANDS"
  for sub in $subcommands; do
    echo ".SS $sub"
    echo ".nf"
    "$binary" "$sub" --help | roff_block
    echo ".fi"
  done
fi

cat "$sections"
