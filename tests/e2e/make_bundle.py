#!/usr/bin/python3
"""Builds hand-made (often hostile) bundles for bundle_test.cpp with Python's tarfile.

usage: make_bundle.py SPEC.json   where SPEC is
  {"out": PATH, "manifest": true,                   # prepend a manifest.json listing the files
   "entries": [{"name": N, "type": "file|symlink|hardlink|dir|fifo", "data": TEXT,
                "source": PATH (file contents from disk), "zeros": BYTES, "target": LINK TARGET,
                "unlisted": true (left out of the manifest), "wrong_sha": true (manifest lies),
                "absent": true (listed in the manifest, not in the bundle)}]}
"""
import hashlib, io, json, sys, tarfile


class Zeros(io.RawIOBase):
    def __init__(self, n):
        self.left = n

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), self.left)
        b[:n] = bytes(n)
        self.left -= n
        return n


def contents(e):
    if "source" in e:
        with open(e["source"], "rb") as f:
            return f.read()
    return e.get("data", "").encode()


def main():
    spec = json.load(open(sys.argv[1]))
    entries = spec["entries"]
    files = []
    for e in entries:
        if e.get("type", "file") != "file" or e.get("unlisted") or any(f["path"] == e["name"] for f in files):
            continue
        if "zeros" in e:
            digest = hashlib.sha256()
            chunk = bytes(1 << 20)
            left = e["zeros"]
            while left:
                n = min(left, len(chunk))
                digest.update(chunk[:n])
                left -= n
            files.append({"path": e["name"], "sha256": digest.hexdigest(), "bytes": e["zeros"]})
            continue
        data = contents(e)
        sha = hashlib.sha256(data).hexdigest()
        if e.get("wrong_sha"):
            sha = hashlib.sha256(data + b"x").hexdigest()
        files.append({"path": e["name"], "sha256": sha, "bytes": len(data)})
    with tarfile.open(spec["out"], "w:gz", format=tarfile.PAX_FORMAT) as tar:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(data))
        if spec.get("manifest", True):
            manifest = {"format": "attune-bundle/1", "created": "2026-01-01T00:00:00Z", "trainees": [],
                        "files": files}
            add("manifest.json", json.dumps(manifest).encode())
        for e in entries:
            if e.get("absent"):
                continue
            kind = e.get("type", "file")
            info = tarfile.TarInfo(e["name"])
            info.mode = 0o600
            if kind == "file" and "zeros" in e:
                info.size = e["zeros"]
                tar.addfile(info, Zeros(e["zeros"]))
            elif kind == "file":
                add(e["name"], contents(e))
            else:
                info.type = {"symlink": tarfile.SYMTYPE, "hardlink": tarfile.LNKTYPE, "dir": tarfile.DIRTYPE,
                             "fifo": tarfile.FIFOTYPE}[kind]
                info.linkname = e.get("target", "")
                tar.addfile(info)


main()
