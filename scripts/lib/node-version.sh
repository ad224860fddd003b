# Sourced by setup.sh (and its test): does a Node.js version satisfy ui/package.json "engines"?

# node_supported VERSION RANGE: VERSION (v18.20.4) satisfies RANGE, alternatives of
# ^A.B.C (same major, at least A.B.C) or >=A.B.C joined by ||.
node_supported() {
  local v=${1#v} IFS_save=$IFS alt op want vmaj vmin vpat wmaj wmin wpat
  IFS=. read -r vmaj vmin vpat <<<"${v%%-*}"
  IFS='|'
  for alt in $2; do
    alt=${alt// /}
    [ -z "$alt" ] && continue
    case "$alt" in
      ^*) op='^'; want=${alt#^} ;;
      '>='*) op='>='; want=${alt#>=} ;;
      *) continue ;;
    esac
    IFS=. read -r wmaj wmin wpat <<<"$want"
    if [ "$op" = '^' ] && [ "$vmaj" != "$wmaj" ]; then continue; fi
    if [ "$vmaj" -gt "$wmaj" ] || { [ "$vmaj" -eq "$wmaj" ] && { [ "$vmin" -gt "$wmin" ] ||
        { [ "$vmin" -eq "$wmin" ] && [ "$vpat" -ge "$wpat" ]; }; }; }; then
      IFS=$IFS_save; return 0
    fi
  done
  IFS=$IFS_save
  return 1
}
