#!/usr/bin/env bash
# The base image of the container, built from Debian's archive with mmdebstrap: Debian 12
# (bookworm) with its OpenJDK 17 JRE and CA certificates, the non-root user 65532, nothing else
# (no shell scripts of ours, no package manager front end, no docs). Written as a `docker save`
# archive, the one local format Jib takes as a base (`tar://`; an OCI archive is refused).
#
#   build.sh OUTPUT_DIR          (as root; SOURCE_DATE_EPOCH dates every file and the image)
#
# Writes OUTPUT_DIR/base.tar and OUTPUT_DIR/packages.txt (`dpkg -l` of the image). The same
# SOURCE_DATE_EPOCH and the same state of the archive give a bit-identical base.tar.
set -euo pipefail

out=${1:?usage: build.sh OUTPUT_DIR}
: "${SOURCE_DATE_EPOCH:?SOURCE_DATE_EPOCH must be set: it dates every file and the image}"
export SOURCE_DATE_EPOCH
libfaketime=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[ -r "$libfaketime" ] || libfaketime=$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketime.so.1$' | head -1)

mkdir -p "$out"
work=$(mktemp -d "$out/.work.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Frozen (not running) clock at SOURCE_DATE_EPOCH, for the Java trust store below.
frozen=$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S')

# bookworm with no mirror given: the default Debian mirror plus bookworm-updates and
# bookworm-security (mmdebstrap adds them for a stable release), so the JRE is the latest
# security update.
mmdebstrap \
	--variant=essential \
	--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
	--include=openjdk-17-jre-headless,ca-certificates \
	--dpkgopt='path-exclude=/usr/share/man/*' \
	--dpkgopt='path-exclude=/usr/share/info/*' \
	--dpkgopt='path-exclude=/usr/share/lintian/*' \
	--dpkgopt='path-exclude=/usr/share/locale/*' \
	--dpkgopt='path-exclude=/usr/share/doc/*' \
	--dpkgopt='path-include=/usr/share/doc/*/copyright' \
	--essential-hook='mkdir -p "$1/usr/share/man/man1"' \
	--customize-hook='rm -f "$1/etc/resolv.conf" "$1/etc/hostname"' \
	--customize-hook='echo "nonroot:x:65532:65532:nonroot:/nonexistent:/usr/sbin/nologin" >> "$1/etc/passwd"' \
	--customize-hook='echo "nonroot:x:65532:" >> "$1/etc/group"' \
	--customize-hook="cp '$libfaketime' \"\$1/tmp/libfaketime.so.1\"" \
	--customize-hook='chroot "$1" sh -c '"'"'find /etc/ssl/certs -maxdepth 1 -type l -name "*.pem" | sort | sed "s/^/+/" > /tmp/certs'"'"'' \
	--customize-hook='rm -f "$1/etc/ssl/certs/java/cacerts"' \
	--customize-hook="timeout 300 chroot \"\$1\" env LD_PRELOAD=/tmp/libfaketime.so.1 FAKETIME='$frozen' FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=UTC sh -c 'java -Xmx64m -jar /usr/share/ca-certificates-java/ca-certificates-java.jar -storepass changeit < /tmp/certs > /dev/null'" \
	--customize-hook='rm -f "$1/tmp/libfaketime.so.1" "$1/tmp/certs"' \
	--customize-hook="chroot \"\$1\" env COLUMNS=200 dpkg -l > '$work/packages.txt'" \
	bookworm "$work/rootfs.tar"

# Device nodes are the runtime's business (it mounts /dev).
mmtarfilter --path-exclude='/dev/*' < "$work/rootfs.tar" > "$work/layer.tar"
rm "$work/rootfs.tar"
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -6 "$work/layer.tar"

created=$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%dT%H:%M:%SZ')
java_home=/usr/lib/jvm/java-17-openjdk-amd64
mkdir -p "$work/archive/$diff_id"
mv "$work/layer.tar.gz" "$work/archive/$diff_id/layer.tar"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created","config":{"User":"65532:65532","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created":"$created","created_by":"mmdebstrap bookworm (backend/src/image/base/build.sh)"}]}
JSON
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/archive/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["hromada-base:bookworm"],"Layers":["%s/layer.tar"]}]\n' \
	"$config_id" "$diff_id" > "$work/archive/manifest.json"
# Entries named without "./": Jib refuses an archive entry "./" as outside its destination.
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=ustar \
	-C "$work/archive" -cf "$work/base.tar" manifest.json "$config_id.json" "$diff_id"

mv "$work/packages.txt" "$out/packages.txt"
mv "$work/base.tar" "$out/base.tar"
