"""What /healthz reports besides the database, filled in by the apps above register (which it may
not import): each check gives (healthy, a line of text). /healthz lists the lines and answers
200 whenever the database does, as the load balancer must not take a server out for them;
/healthz/<name> answers 503 when that check is unhealthy, for monitoring.
"""

CHECKS = {}


def add_check(name, check):
    """Register `check()` → (healthy: bool, line: str) under `name`."""
    CHECKS[name] = check
