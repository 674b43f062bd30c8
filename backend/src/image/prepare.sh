#!/usr/bin/env bash
# Run by `./mvnw -Pimage` before Jib: provides the Debian-built base image and the image's date.
#
#   prepare.sh IMAGE_DIR CACHE_DIR
#
# - The base (base/build.sh) is built only when no base of the same recipe is cached: the cache
#   key is the SHA-256 of the recipe's files and of its date, and the cache is CACHE_DIR (outside
#   target/, so `clean` does not cost the base again). IMAGE_BASE_REFRESH=true builds it anew
#   (for example to take the JRE's latest security update) and replaces the cached one.
# - The base is dated by the last commit that changed the recipe, so a commit that does not touch
#   the recipe reuses it, and every machine builds the same base from the same archive state.
# - The application image is dated by SOURCE_DATE_EPOCH, else by the commit time of HEAD.
# Writes IMAGE_DIR/base.tar (a link into the cache), IMAGE_DIR/base-packages.txt (`dpkg -l`) and
# IMAGE_DIR/image.properties (image.created, for Jib's creation and file times).
set -euo pipefail

image_dir=${1:?usage: prepare.sh IMAGE_DIR CACHE_DIR}
cache_dir=${2:?usage: prepare.sh IMAGE_DIR CACHE_DIR}
here=$(cd "$(dirname "$0")" && pwd)
recipe="$here/base"
install_line='apt-get install -y --no-install-recommends mmdebstrap faketime util-linux'

missing=()
for tool in mmdebstrap mmtarfilter faketime unshare chroot; do
	command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "The image profile needs ${missing[*]}. Install, as root: $install_line" >&2
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "The image profile runs mmdebstrap and the start check as root (they mount file systems)." >&2
	exit 1
fi

commit_time() {
	git -C "$here" log -1 --format=%ct "$@" 2> /dev/null || true
}
base_epoch=$(commit_time -- "$recipe")
base_epoch=${base_epoch:-${SOURCE_DATE_EPOCH:-}}
image_epoch=${SOURCE_DATE_EPOCH:-$(commit_time)}
if [ -z "$base_epoch" ] || [ -z "$image_epoch" ]; then
	echo "Not a git checkout (or the recipe is not committed): set SOURCE_DATE_EPOCH to date the image." >&2
	exit 1
fi

key=$( (cd "$recipe" && find . -type f -print0 | sort -z | xargs -0 sha256sum; echo "epoch $base_epoch") \
	| sha256sum | cut -c1-16)
cached="$cache_dir/base-$key"
if [ "${IMAGE_BASE_REFRESH:-false}" = true ] || [ ! -f "$cached/base.tar" ]; then
	echo "Building the base image from Debian's archive (recipe $key, dated $(date -u -d "@$base_epoch" +%F)) into $cached"
	start=$(date +%s)
	SOURCE_DATE_EPOCH=$base_epoch "$recipe/build.sh" "$cached"
	echo "Base image built in $(($(date +%s) - start)) s: $(du -h "$cached/base.tar" | cut -f1) compressed"
else
	echo "Base image of recipe $key from the cache: $cached/base.tar"
fi

mkdir -p "$image_dir"
ln -sfn "$cached/base.tar" "$image_dir/base.tar"
cp "$cached/packages.txt" "$image_dir/base-packages.txt"
echo "image.created=$(date -u -d "@$image_epoch" '+%Y-%m-%dT%H:%M:%SZ')" > "$image_dir/image.properties"
