#!/usr/bin/python3
"""Measures WP Play Partner Desk's release build next to a minimal Tauri 2 app built in the
same run (scripts/bench-desktop.sh builds both): idle memory of all the app's processes
(the app, WebKit's web and network processes) after sign-in and 60 s idle, and the time
from launch to the dashboard painted. Drives both through tauri-driver (WebDriver).
Prints the figures and their ratios; BENCHMARKS.md records them.

Partner Desk draws its page without GPU compositing on Linux (src-tauri/src/rendering.rs);
the minimal app is measured both with WebKit's default (the target's baseline) and drawn
the same way as Partner Desk (WEBKIT_DISABLE_COMPOSITING_MODE=1), so the app's own cost
is visible apart from the drawing choice.

    bench_desktop.py APP MINIMAL SERVER
"""
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

APP, MINIMAL, SERVER = sys.argv[1:4]
IDLE_SECONDS = int(os.environ.get("WPPLAY_BENCH_IDLE_SECONDS", "60"))
LAUNCHES = int(os.environ.get("WPPLAY_BENCH_LAUNCHES", "5"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, token=None, timeout=180):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=timeout) as r:
        text = r.read().decode()
        return r.status, (json.loads(text) if text else None)


def wait_for(what, f, limit=120):
    deadline = time.monotonic() + limit
    while True:
        try:
            v = f()
            if v:
                return v
        except Exception:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {limit} s waiting for {what}")
        time.sleep(0.05)


class Driver:
    def __init__(self, env):
        self.port = free_port()
        self.log = open(os.path.join(env["WPPLAY_DESKTOP_DATA_DIR"] + "-driver.log"), "w")
        self.proc = subprocess.Popen(
            ["tauri-driver", "--port", str(self.port), "--native-port", str(free_port())],
            env={**os.environ, **env}, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        wait_for("tauri-driver", lambda: http("GET", f"{self.url}/status"))

    def session(self, app):
        _, v = http("POST", f"{self.url}/session", {"capabilities": {"alwaysMatch": {
            "browserName": "wry", "tauri:options": {"application": app}}}})
        return Session(self.url, v["value"]["sessionId"])

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


class Session:
    def __init__(self, base, sid):
        self.base = f"{base}/session/{sid}"

    def find(self, css):
        try:
            _, v = http("POST", f"{self.base}/element", {"using": "css selector", "value": css}, timeout=30)
            return list(v["value"].values())[0]
        except Exception:
            return None

    def fill(self, css, text):
        el = wait_for(css, lambda: self.find(css))
        http("POST", f"{self.base}/element/{el}/value", {"text": text})

    def click(self, css):
        el = wait_for(css, lambda: self.find(css))
        http("POST", f"{self.base}/element/{el}/click", {})

    def painted(self):
        http("POST", f"{self.base}/execute/async", {"script": "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", "args": []})

    def close(self):
        try:
            http("DELETE", self.base, timeout=30)
        except Exception:
            pass


def processes_of(exe):
    """The app's process (by its executable) and all its descendants."""
    exe = os.path.realpath(exe)
    parents = {}
    roots = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(pid))
            if os.path.realpath(f"/proc/{pid}/exe") == exe:
                roots.append(int(pid))
        except (OSError, IndexError, ValueError):
            continue
    out, stack = [], list(roots)
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(parents.get(pid, []))
    return out


def memory_mb(exe):
    """(PSS of all processes, [(name, RSS)]) in MB."""
    total_pss, parts = 0, []
    for pid in processes_of(exe):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                text = f.read()
            with open(f"/proc/{pid}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue
        pss = int(re.search(r"^Pss:\s+(\d+) kB", text, re.M).group(1))
        rss = int(re.search(r"^Rss:\s+(\d+) kB", text, re.M).group(1))
        total_pss += pss
        parts.append((name, rss / 1024))
    return total_pss / 1024, parts


def end(session, app):
    """Closes the WebDriver session and waits for the app to be gone (ended if it lingers)."""
    session.close()
    deadline = time.monotonic() + 30
    while processes_of(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in processes_of(app):
        try:
            os.kill(pid, 15)
        except OSError:
            pass
    wait_for("the app to exit", lambda: not processes_of(app), 30)
    # The next launch must not find this one's single-instance name on the session bus
    # (it would hand over to it and exit).
    wait_for("the single-instance name to be released", lambda: not single_instance_alive(), 30)


def single_instance_alive():
    """Whether a Partner Desk instance still owns its single-instance D-Bus name."""
    out = subprocess.run(
        ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
         "org.freedesktop.DBus.ListNames"], capture_output=True, text=True, timeout=30).stdout
    return "com.wpplay.partnerdesk.SingleInstance" in out


def launch_time(driver, app, ready_css):
    """Seconds from asking for the app to the ready element painted (median of LAUNCHES)."""
    times = []
    for _ in range(LAUNCHES):
        start = time.monotonic()
        s = driver.session(app)
        wait_for(ready_css, lambda: s.find(ready_css))
        s.painted()
        times.append(time.monotonic() - start)
        end(s, app)
    return statistics.median(times), times


work = tempfile.mkdtemp(prefix="wpplay-bench-")
print(f"app and driver logs: {work}", file=sys.stderr)
port = free_port()
server_url = f"http://127.0.0.1:{port}"
server = subprocess.Popen([SERVER, "serve"], env={**os.environ, "WPPLAY_DATA_DIR": f"{work}/server",
                          "WPPLAY_LISTEN": f"127.0.0.1:{port}"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_for("the server", lambda: http("GET", f"{server_url}/healthz")[0] == 200)
    http("POST", f"{server_url}/api/v1/registrations", {"package_id": 2, "company": "Bench TV d.o.o.",
         "contact_person": "Ana Anić", "email": "bench@example.com", "phone": "+381 64 123 4567",
         "country": "RS", "credential_delivery": "email", "no_reseller_services": False})

    def creds():
        for name in os.listdir(f"{work}/server/outbox"):
            text = open(f"{work}/server/outbox/{name}", encoding="utf-8").read()
            u = re.search(r"Username: (\S+)", text)
            p = re.search(r"Password: (\S+)", text)
            if u and p:
                return u.group(1), p.group(1)
        return None
    user, password = wait_for("the credentials", creds)
    _, login = http("POST", f"{server_url}/api/v1/auth/login", {"username": user, "password": password})
    http("POST", f"{server_url}/api/v1/auth/password", {"current_password": password, "new_password": "Bench-pass-2026"},
         token=login["access_token"])

    env = {"WPPLAY_SERVER_URL": server_url, "WPPLAY_DESKTOP_DATA_DIR": f"{work}/app",
           "XDG_DATA_HOME": f"{work}/xdg-data", "XDG_CONFIG_HOME": f"{work}/xdg-config"}

    def minimal_idle(driver):
        """The minimal app's page, then the idle time: (PSS, [(process, RSS)])."""
        s = driver.session(MINIMAL)
        wait_for("the minimal app's page", lambda: s.find("#hello"))
        time.sleep(IDLE_SECONDS)
        figures = memory_mb(MINIMAL)
        end(s, MINIMAL)
        return figures

    # The minimal app drawn as Partner Desk draws (no GPU compositing), through a driver
    # of its own that hands the setting to the app it starts.
    same_driver = Driver({**env, "WPPLAY_DESKTOP_DATA_DIR": f"{work}/app-same", "WEBKIT_DISABLE_COMPOSITING_MODE": "1"})
    try:
        same_mem, same_parts = minimal_idle(same_driver)
    finally:
        same_driver.stop()

    driver = Driver(env)
    try:
        # The minimal app as WebKit draws it by default.
        minimal_mem, minimal_parts = minimal_idle(driver)

        # Partner Desk: sign in, the dashboard, 60 s idle.
        s = driver.session(APP)
        s.fill("#username", user)
        s.fill("#password", "Bench-pass-2026")
        s.click("#login-submit")
        wait_for("the dashboard", lambda: s.find("[data-testid=days-left]"))
        time.sleep(IDLE_SECONDS)
        app_mem, app_parts = memory_mb(APP)
        # Said at once, so a failure in the launch loop below does not lose them.
        print(f"idle PSS: Partner Desk {app_mem:.1f} MB, minimal {minimal_mem:.1f} MB "
              f"({app_mem / minimal_mem:.2f}x), minimal drawn the same {same_mem:.1f} MB "
              f"({app_mem / same_mem:.2f}x)", file=sys.stderr, flush=True)
        end(s, APP)
    finally:
        driver.stop()

    # Launch to painted: the minimal app's page; Partner Desk's dashboard (signed in
    # silently through the keychain). A driver of their own: after a minute idle, the
    # first request through the previous one was once dropped between tauri-driver and
    # WebKitWebDriver ("client error (SendRequest)").
    driver = Driver(env)
    try:
        minimal_launch, minimal_runs = launch_time(driver, MINIMAL, "#hello")
        app_launch, app_runs = launch_time(driver, APP, "[data-testid=days-left]")
    finally:
        driver.stop()
finally:
    server.terminate()
    server.wait()

size = lambda p: os.path.getsize(p) / 1e6
print(json.dumps({
    "binary_mb": round(size(APP), 1),
    "minimal_binary_mb": round(size(MINIMAL), 1),
    "idle_pss_mb": round(app_mem, 1),
    "idle_parts_rss_mb": [(n, round(m, 1)) for n, m in app_parts],
    "minimal_idle_pss_mb": round(minimal_mem, 1),
    "minimal_idle_parts_rss_mb": [(n, round(m, 1)) for n, m in minimal_parts],
    "idle_ratio": round(app_mem / minimal_mem, 2),
    "minimal_drawn_the_same_idle_pss_mb": round(same_mem, 1),
    "minimal_drawn_the_same_idle_parts_rss_mb": [(n, round(m, 1)) for n, m in same_parts],
    "idle_ratio_drawn_the_same": round(app_mem / same_mem, 2),
    "launch_to_dashboard_s": round(app_launch, 2),
    "launch_runs_s": [round(t, 2) for t in app_runs],
    "minimal_launch_to_page_s": round(minimal_launch, 2),
    "minimal_launch_runs_s": [round(t, 2) for t in minimal_runs],
    "idle_seconds": IDLE_SECONDS,
}, indent=2))
