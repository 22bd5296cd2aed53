"""One line that says where a benchmark ran: the figures mean little without it.

The machine is shared with other work, so the load average is printed before and after each
benchmark; the benchmarks alternate the two sides they compare and report ratios for the same
reason.
"""

import os
import platform
import sys


def memory_gb():
    with open("/proc/meminfo") as meminfo:
        total_kb = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal:")))
    return total_kb / 1024 / 1024


def load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def database():
    """The database the benchmark runs on, with PostgreSQL's durability settings."""
    from django.db import connection

    if connection.vendor != "postgresql":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0].split()[0]
        settings = []
        for name in ("fsync", "full_page_writes", "synchronous_commit"):
            cursor.execute(f"SHOW {name}")
            settings.append(f"{name}={cursor.fetchone()[0]}")
    return f"PostgreSQL {version} ({', '.join(settings)})"


def describe():
    """nproc, RAM, load average (1, 5, 15 min), Python, Django and the database."""
    import django

    return (f"machine: {os.cpu_count()} CPUs, {memory_gb():.1f} GB RAM, load {load()}; "
            f"Python {platform.python_version()} ({sys.implementation.name}), "
            f"Django {django.get_version()}, {database()}")
