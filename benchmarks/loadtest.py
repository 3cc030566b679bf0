"""A bounded load test of a running regietafel: simulated users over the real pages and downloads.

Run against ``regietafel serve`` on this machine only (the address must be loopback)::

    python benchmarks/loadtest.py --basis http://127.0.0.1:8106 --gebruikers 10,50,100 --duur 60

Each level first logs in once per demo role (``lrt``, ``prt-noord-holland``,
``prt-groningen``, ``coa``, ``beheerder``; password ``demo-<naam>-2021``), one after the
other. Each simulated user is then a thread with its own connection and a copy of its role's
session cookie; it loops until the level's time is up: pick a page of its role,
request it, wait a think time (exponential, mean ``--denktijd`` seconds, at most four times
that). Levels run one after the other. Bounded twice: by ``--duur`` per level and by
``--max-verzoeken`` per level; the script always stops by itself.

Printed per level: per URL and overall the number of requests, errors (a status other than
200, a time-out, a broken connection), p50/p95/p99 of the response time, and the throughput.
Pure standard library (threads + http.client). Not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import os
import random
import re
import statistics
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

ROLES = ("lrt", "prt-noord-holland", "prt-groningen", "coa", "beheerder")
PROVINCE_OF = {"prt-noord-holland": "PV27", "prt-groningen": "PV20"}


def pages(role: str, week: str) -> list[tuple[str, str]]:
    """(label, path) of what a user of this role opens, downloads included."""
    own = PROVINCE_OF.get(role, "PV27")
    w = f"week={week}"
    common = [
        ("start", f"/?{w}"),
        ("opvangbeeld NL", f"/opvangbeeld/?{w}"),
        ("opvangbeeld provincie", f"/opvangbeeld/{own}/?{w}"),
        ("opvangbeeld CSV", f"/opvangbeeld/?{w}&formaat=csv&tabel=behoefte"),
        ("boodschappenlijst", f"/boodschappenlijst/?{w}&scope=NL"),
        ("taakstelling", "/taakstelling/"),
        ("locaties", f"/opvang/locaties/?{w}"),
        ("locaties CSV", f"/opvang/locaties/?{w}&formaat=csv"),
        ("verdeling", f"/verdeling/?{w}"),
        ("afspraken", "/afspraken/"),
        ("rapport NL (web)", f"/rapport/{week}/NL/"),
        ("rapport NL (PDF)", f"/rapport/{week}/NL/pdf/"),
        ("rapport NL (Excel)", f"/rapport/{week}/NL/excel/"),
        ("API kerncijfers", f"/api/v1/kerncijfers/?{w}"),
        ("API locaties", f"/api/v1/locaties/?{w}"),
    ]
    if role in PROVINCE_OF:
        common.append(("provincie", f"/provincies/{own}/"))
    if role == "beheerder":
        common.append(("audittrail", "/audit/"))
    return common


def loopback_only(host: str) -> None:
    """Refuse any target that is not this machine."""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise SystemExit(f"loadtest: alleen 127.0.0.1, ::1 of localhost, niet {host!r}")


@dataclass
class Results:
    """Response times (seconds) and errors per URL label, shared by the user threads."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: dict[str, str] = field(default_factory=dict)
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, label: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.requests += 1
            self.times[label].append(seconds)
            if error is not None:
                self.errors[label] += 1
                self.examples.setdefault(label, error)


class Session:
    """One user's keep-alive connection and cookies (session, CSRF)."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.connection

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        all_headers.update(headers or {})
        for attempt in (1, 2):  # a keep-alive connection the server closed: reconnect once
            connection = self._connect()
            try:
                connection.request(method, path, body=body, headers=all_headers)
                response = connection.getresponse()
                data = response.read()
            except (http.client.HTTPException, OSError):
                self.close()
                if attempt == 2:
                    raise
                continue
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, data
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def login(self, username: str) -> None:
        status, page = self.request("GET", "/inloggen/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or token is None:
            raise RuntimeError(f"inlogpagina: status {status}")
        form = urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": username,
                "password": f"demo-{username}-2021",
            }
        ).encode()
        status, _ = self.request(
            "POST",
            "/inloggen/",
            form,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{self.host}:{self.port}/inloggen/",
            },
        )
        if status != 302:
            raise RuntimeError(f"inloggen als {username}: status {status}")


@dataclass(frozen=True)
class Plan:
    """What every level shares: where, which week, think time, bounds."""

    target: tuple[str, int]
    week: str
    think: float
    seconds: float
    limit: int
    timeout: float


def log_in_roles(plan: Plan, results: Results) -> dict[str, dict[str, str]]:
    """One session per demo role, logged in one after the other.

    Simulated users of a role share its session cookie: the one log-in throttle counts
    attempts in flight against the client address, so a hundred simultaneous log-ins from
    127.0.0.1 would (rightly) be refused; real users log in from their own addresses.
    """
    cookies = {}
    for role in ROLES:
        session = Session(*plan.target, timeout=plan.timeout)
        started = time.perf_counter()
        try:
            session.login(role)
        except (RuntimeError, OSError, http.client.HTTPException) as refused:
            results.add("inloggen", time.perf_counter() - started, str(refused))
            continue
        results.add("inloggen", time.perf_counter() - started, None)
        cookies[role] = dict(session.cookies)
        session.close()
    return cookies


def user_loop(  # noqa: PLR0917 - one simulated user's whole life
    index: int,
    plan: Plan,
    cookies: dict[str, dict[str, str]],
    deadline: float,
    budget: threading.Semaphore,
    results: Results,
) -> None:
    role = ROLES[index % len(ROLES)]
    if role not in cookies:
        return
    rng = random.Random(index)  # noqa: S311 - think times and page choice, not secrets
    think = plan.think
    session = Session(*plan.target, timeout=plan.timeout)
    session.cookies = dict(cookies[role])
    choices = pages(role, plan.week)
    time.sleep(rng.uniform(0, think))  # users do not all start in the same instant
    while time.perf_counter() < deadline and budget.acquire(blocking=False):
        label, path = rng.choice(choices)
        began = time.perf_counter()
        problem: str | None = None
        try:
            status, _ = session.request("GET", path)
            if status != 200:
                problem = f"status {status}"
        except (OSError, http.client.HTTPException) as failure:
            problem = type(failure).__name__
        results.add(label, time.perf_counter() - began, problem)
        pause = min(rng.expovariate(1 / think), 4 * think) if think > 0 else 0.0
        time.sleep(max(0.0, min(pause, deadline - time.perf_counter())))
    session.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def run_level(users: int, plan: Plan) -> dict[str, object]:
    results = Results()
    budget = threading.Semaphore(plan.limit)
    cookies = log_in_roles(plan, results)
    started = time.perf_counter()
    deadline = started + plan.seconds
    threads = [
        threading.Thread(
            target=user_loop,
            args=(i, plan, cookies, deadline, budget, results),
            daemon=True,
        )
        for i in range(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=plan.seconds + plan.timeout + 30)
    elapsed = time.perf_counter() - started
    rows = []
    everything: list[float] = []
    for label in sorted(results.times):
        times = results.times[label]
        if label != "inloggen":
            everything += times
        rows.append(_row(label, times, results.errors.get(label, 0), elapsed))
    page_errors = sum(n for label, n in results.errors.items() if label != "inloggen")
    overall = _row("alles (zonder inloggen)", everything, page_errors, elapsed)
    return {
        "gebruikers": users,
        "duur_s": round(elapsed, 1),
        "per_url": rows,
        "totaal": overall,
        "voorbeelden_fouten": dict(results.examples),
    }


def _row(label: str, times: list[float], errors: int, elapsed: float) -> dict[str, object]:
    return {
        "url": label,
        "verzoeken": len(times),
        "fouten": errors,
        "p50_ms": round(1000 * statistics.median(times)) if times else None,
        "p95_ms": round(1000 * percentile(times, 95)) if times else None,
        "p99_ms": round(1000 * percentile(times, 99)) if times else None,
        "per_s": round(len(times) / elapsed, 1) if elapsed else None,
    }


def print_level(level: dict[str, object]) -> None:
    print(f"\n## {level['gebruikers']} gebruikers, {level['duur_s']} s\n")
    print("| url | verzoeken | fouten | p50 ms | p95 ms | p99 ms | per s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    per_url = level["per_url"]
    assert isinstance(per_url, list)
    for row in [*per_url, level["totaal"]]:
        assert isinstance(row, dict)
        print(
            f"| {row['url']} | {row['verzoeken']} | {row['fouten']} | {row['p50_ms']} | "
            f"{row['p95_ms']} | {row['p99_ms']} | {row['per_s']} |"
        )
    examples = level["voorbeelden_fouten"]
    if examples:
        print(f"\nvoorbeelden van fouten: {examples}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--basis", default="http://127.0.0.1:8106", help="adres van de server")
    parser.add_argument("--gebruikers", default="10,50,100", help="niveaus, komma's ertussen")
    parser.add_argument("--duur", type=float, default=60, help="seconden per niveau")
    parser.add_argument("--denktijd", type=float, default=2.0, help="gemiddelde denktijd (s)")
    parser.add_argument("--week", default="2021-W45")
    parser.add_argument("--max-verzoeken", type=int, default=50_000, help="per niveau")
    parser.add_argument("--timeout", type=float, default=30, help="seconden per verzoek")
    parser.add_argument("--json", help="schrijf de uitkomst ook als JSON naar dit bestand")
    options = parser.parse_args()
    parts = urlsplit(options.basis)
    if parts.scheme != "http" or not parts.hostname:
        raise SystemExit("loadtest: --basis moet http://127.0.0.1:POORT zijn")
    loopback_only(parts.hostname)
    if options.duur > 600 or options.duur <= 0:
        raise SystemExit("loadtest: --duur tussen 0 en 600 seconden")
    target = (parts.hostname, parts.port or 80)
    levels = [int(x) for x in options.gebruikers.split(",") if x.strip()]
    if any(not 1 <= n <= 500 for n in levels):
        raise SystemExit("loadtest: 1 tot 500 gebruikers per niveau")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"# Belastingtest {options.basis}, week {options.week}")
    print(
        f"\ndenktijd gemiddeld {options.denktijd} s, {options.duur:g} s per niveau; "
        f"load average bij de start: {load}; {os.cpu_count()} cores"
    )
    plan = Plan(
        target, options.week, options.denktijd, options.duur, options.max_verzoeken, options.timeout
    )
    outcome = []
    for users in levels:
        level = run_level(users, plan)
        level["load_average_na"] = os.getloadavg() if hasattr(os, "getloadavg") else None
        print_level(level)
        print(f"\nload average na dit niveau: {level['load_average_na']}")
        outcome.append(level)
        sys.stdout.flush()
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump(outcome, handle, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
