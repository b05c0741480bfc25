#!/usr/bin/env python3
"""Load test of `atom-audit serve` against the quality bar "Holds under load":

  serve answers a new request within 30 s while 1,200 slow clients hold connections
  under a 1,024-descriptor limit, and serves 20 parallel downloads of a 200 MB file in
  under 1 GB of memory.

The server runs under `ulimit -n 1024` on the project's Content/ into a work folder; a
200 MB file of random bytes is put into the built site. Then:
  1. 1,200 slow clients connect, each sends a partial request head and then one more
     header byte every few seconds (so a timeout per read would never fire), and
     reconnects a moment after the server drops it, to keep 1,200 attempts going;
  2. fresh requests are timed with curl while they do;
  3. 20 curl downloads of the 200 MB file run in parallel (with the slow clients still
     going, unless --quiet-downloads), each checked for status and size, one by hash;
  4. the server's peak RSS is read from /proc/<pid>/status (VmHWM), its descriptors
     and threads are sampled from /proc throughout.
Results go to stdout and, with --results, into the "Preview server" section of
Benchmarks/results.md.
"""
import argparse
import datetime
import hashlib
import os
import platform
import re
import resource
import selectors
import shutil
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def proc_status(pid, field):
    """A field of /proc/<pid>/status in kB (VmHWM, VmRSS) or as a number (Threads)."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def open_descriptors(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


class Server:
    """`atom-audit serve --port 0` under `ulimit -n <limit>`, its output drained by a thread."""

    def __init__(self, binary, work, limit):
        site = os.path.join(work, "Site")
        script = f'ulimit -n {limit} && exec "$0" serve --port 0 --content Content --templates Templates --output "$1"'
        self.log = open(os.path.join(work, "serve.log"), "w")
        self.process = subprocess.Popen(["bash", "-c", script, binary, site], cwd=REPO,
                                        stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.site, self.port, self.lines = site, None, []
        ready = threading.Event()

        def drain():
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
                if match:
                    self.port = int(match.group(1))
                    ready.set()
            ready.set()

        threading.Thread(target=drain, daemon=True).start()
        if not ready.wait(300) or self.port is None:
            self.stop()
            sys.exit(f"the server did not start: {self.lines}")
        self.pid = self.process.pid

    def descriptor_limit(self):
        with open(f"/proc/{self.pid}/limits") as handle:
            line = next(line for line in handle if line.startswith("Max open files"))
        return int(line.split()[3])

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)
        self.log.close()


class SlowClients(threading.Thread):
    """`count` connections that never finish their request head."""

    HEAD = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "

    def __init__(self, port, count, trickle_every, reconnect_after):
        super().__init__(daemon=True)
        self.address, self.count = ("127.0.0.1", port), count
        self.trickle_every, self.reconnect_after = trickle_every, reconnect_after
        self.selector = selectors.DefaultSelector()
        self.connected = set()       # sockets whose handshake completed and are not yet closed
        self.pending_reconnects = []  # times at which to open a replacement
        self.opened = self.dropped = self.failed = 0
        self.peak_connected = 0
        self.stopping = threading.Event()

    def open_one(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(self.address)
        self.selector.register(sock, selectors.EVENT_WRITE, "connecting")
        self.opened += 1

    def lost(self, sock, dropped):
        self.selector.unregister(sock)
        self.connected.discard(sock)
        sock.close()
        if dropped:
            self.dropped += 1
        else:
            self.failed += 1
        self.pending_reconnects.append(time.monotonic() + self.reconnect_after)

    def run(self):
        for _ in range(self.count):
            self.open_one()
        next_trickle = time.monotonic() + self.trickle_every
        while not self.stopping.is_set():
            for key, _ in self.selector.select(timeout=0.2):
                sock = key.fileobj
                if key.data == "connecting":
                    if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                        self.lost(sock, dropped=False)
                        continue
                    try:
                        sock.send(self.HEAD)
                    except OSError:
                        self.lost(sock, dropped=True)
                        continue
                    self.selector.modify(sock, selectors.EVENT_READ, "waiting")
                    self.connected.add(sock)
                    self.peak_connected = max(self.peak_connected, len(self.connected))
                else:
                    try:
                        data = sock.recv(4096)
                    except OSError:
                        data = b""
                    if not data:
                        self.lost(sock, dropped=True)
            now = time.monotonic()
            if now >= next_trickle:
                next_trickle = now + self.trickle_every
                for sock in list(self.connected):
                    try:
                        sock.send(b"x")
                    except OSError:
                        self.lost(sock, dropped=True)
            due = [t for t in self.pending_reconnects if t <= now]
            self.pending_reconnects = [t for t in self.pending_reconnects if t > now]
            for _ in due:
                self.open_one()
        for key in list(self.selector.get_map().values()):
            key.fileobj.close()

    def stop(self):
        self.stopping.set()
        self.join(30)


class Sampler(threading.Thread):
    """Samples the server's descriptors, threads and RSS every 100 ms."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.stopping = pid, threading.Event()
        self.max_descriptors = self.max_threads = self.max_rss_kb = 0

    def run(self):
        while not self.stopping.wait(0.1):
            self.max_descriptors = max(self.max_descriptors, open_descriptors(self.pid) or 0)
            self.max_threads = max(self.max_threads, proc_status(self.pid, "Threads") or 0)
            self.max_rss_kb = max(self.max_rss_kb, proc_status(self.pid, "VmRSS") or 0)


def curl(url, output="/dev/null", max_time=120):
    """(status, bytes, seconds) of one curl request; status 0 when it failed."""
    result = subprocess.run(["curl", "-sS", "-o", output, "-w", "%{http_code} %{size_download} %{time_total}",
                             "--max-time", str(max_time), url], capture_output=True, text=True)
    parts = result.stdout.split()
    if len(parts) != 3:
        return 0, 0, float(max_time)
    return int(parts[0]), int(parts[1]), float(parts[2])


def write_random_file(path, megabytes):
    digest = hashlib.sha256()
    with open(path, "wb") as handle:
        for _ in range(megabytes):
            chunk = os.urandom(1 << 20)
            digest.update(chunk)
            handle.write(chunk)
    return digest.hexdigest()


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="the atom-audit executable")
    parser.add_argument("--work", default=os.path.join(REPO, "Benchmarks", "work", "serve"))
    parser.add_argument("--descriptor-limit", type=int, default=1024)
    parser.add_argument("--slow-clients", type=int, default=1200)
    parser.add_argument("--trickle-every", type=float, default=2.0, help="seconds between a slow client's bytes")
    parser.add_argument("--reconnect-after", type=float, default=1.0, help="seconds before a dropped slow client reconnects")
    parser.add_argument("--fresh-requests", type=int, default=5)
    parser.add_argument("--downloads", type=int, default=20)
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--quiet-downloads", action="store_true", help="stop the slow clients before the downloads")
    parser.add_argument("--results", help="write the Preview server section of this Markdown file")
    parser.add_argument("--label", default="", help="what the binary is, for the results")
    parser.add_argument("--note", action="append", default=[], help="a line to add to the results (e.g. an earlier binary's numbers)")
    args = parser.parse_args()

    # The clients need more descriptors than the server is allowed.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.slow_clients + 512)), hard))
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    started = datetime.datetime.now(datetime.timezone.utc)
    load_start = os.getloadavg()[0]

    server = Server(os.path.abspath(args.bin), args.work, args.descriptor_limit)
    notes, verdicts = [], []
    try:
        limit = server.descriptor_limit()
        big = os.path.join(server.site, "data", "big.bin")
        expected_hash = write_random_file(big, args.megabytes)
        url = f"http://127.0.0.1:{server.port}"
        built_rss = proc_status(server.pid, "VmHWM")
        built = next((line for line in server.lines if line.startswith("built ")), "?")
        notes.append(f"server pid {server.pid}, `Max open files` {limit}; its first build: {built}; VmHWM then {built_rss / 1024:.0f} MB")
        sampler = Sampler(server.pid)
        sampler.start()

        slow = SlowClients(server.port, args.slow_clients, args.trickle_every, args.reconnect_after)
        slow.start()
        deadline = time.monotonic() + 60
        while len(slow.connected) < args.slow_clients and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2)  # let the server accept (and shed) what it will
        notes.append(f"slow clients: all {slow.peak_connected:,} had connected; when the first fresh request went out, {len(slow.connected)} "
                     f"held a connection the server had not dropped; the server then had {open_descriptors(server.pid)} descriptors "
                     f"open and {proc_status(server.pid, 'Threads')} threads")

        fresh = []
        for _ in range(args.fresh_requests):
            status, size, seconds = curl(url + "/", max_time=60)
            fresh.append((status, seconds))
            time.sleep(1)
        answered = [seconds for status, seconds in fresh if status == 200]
        worst = max(seconds for _, seconds in fresh)
        notes.append("fresh requests (status, seconds): " + ", ".join(f"{status} {seconds:.3f}" for status, seconds in fresh))
        verdicts.append((f"a fresh request answered within 30 s while {args.slow_clients:,} slow clients hold connections under "
                         f"`ulimit -n {limit}`: {len(answered)} of {len(fresh)} answered, slowest {worst:.3f} s",
                         len(answered) == len(fresh) and worst < 30))

        if args.quiet_downloads:
            slow.stop()
        results = [None] * args.downloads
        copy = os.path.join(args.work, "download-0.bin")

        def download(index):
            results[index] = curl(url + "/data/big.bin", output=copy if index == 0 else "/dev/null", max_time=900)

        begin = time.monotonic()
        threads = [threading.Thread(target=download, args=(index,)) for index in range(args.downloads)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - begin
        size = args.megabytes << 20
        whole = sum(1 for status, got, _ in results if status == 200 and got == size)
        same = os.path.exists(copy) and sha256_of(copy) == expected_hash
        peak = proc_status(server.pid, "VmHWM")
        if not args.quiet_downloads:
            slow.stop()
        sampler.stopping.set()
        sampler.join()
        notes.append(f"downloads: {whole} of {args.downloads} complete ({args.megabytes} MB each, status 200), first one's SHA-256 "
                     f"{'matches' if same else 'DOES NOT match'}; all done in {elapsed:.1f} s "
                     f"({args.downloads * args.megabytes / elapsed:.0f} MB/s in all); slow clients "
                     f"{'stopped before them' if args.quiet_downloads else 'still running'}")
        notes.append(f"slow clients over the run: {slow.opened:,} connections opened, {slow.dropped:,} dropped by the server, "
                     f"{slow.failed:,} failed to connect")
        notes.append(f"server over the run: at most {sampler.max_descriptors} open descriptors, {sampler.max_threads} threads, "
                     f"VmRSS at most {sampler.max_rss_kb / 1024:.0f} MB (sampled every 100 ms)")
        verdicts.append((f"{args.downloads} parallel downloads of a {args.megabytes} MB file, whole, in under 1 GB: peak RSS (VmHWM) "
                         f"{peak / 1024:.0f} MB, {whole} of {args.downloads} whole", whole == args.downloads and same and peak < 1024 * 1024))
    finally:
        server.stop()
        shutil.rmtree(args.work, ignore_errors=True)

    lines = [f"- {text}: {'**met**' if ok else '**missed**'}" for text, ok in verdicts]
    print("\n".join(lines + [""] + [f"- {note}" for note in notes]))
    if args.results:
        write_section(args, started, load_start, lines, notes)


def write_section(args, started, load_start, verdicts, notes):
    """Replaces the "Preview server" section (from its heading to the end) of the results file."""
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    section = [
        "## Preview server",
        "",
        "Written by `Benchmarks/serve/run.sh`. The quality bar: `serve` answers a new request within 30 s",
        "while 1,200 slow clients hold connections under a 1,024-descriptor limit, and serves 20 parallel",
        "downloads of a 200 MB file in under 1 GB of memory. Each slow client sends a partial request head,",
        f"then a byte every {args.trickle_every:g} s, and reconnects {args.reconnect_after:g} s after the server drops it. Fresh requests",
        "and downloads are curl; peak RSS is VmHWM from /proc/<pid>/status.",
        "",
        f"- Run: {started:%Y-%m-%d %H:%M} UTC; machine `nproc` = {os.cpu_count()}, Linux {platform.release()}; "
        f"load average {load_start:.2f} at start, {os.getloadavg()[0]:.2f} at end (other builds share the machine)",
        f"- Binary: `{os.path.relpath(os.path.abspath(args.bin), REPO)}` {args.label}; {swift[0] if swift else ''}",
        "",
    ] + verdicts + [""] + [f"- {note}" for note in notes] + [""] + [f"{note}" for note in args.note] + ([""] if args.note else [])
    text = open(args.results, encoding="utf-8").read() if os.path.exists(args.results) else "# Benchmark results\n"
    marker = "\n## Preview server\n"
    if marker in text:
        text = text[:text.index(marker)]
    with open(args.results, "w", encoding="utf-8") as handle:
        handle.write(text.rstrip("\n") + "\n\n" + "\n".join(section))


if __name__ == "__main__":
    main()
