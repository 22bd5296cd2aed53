"""A fresh machine in two commands: scripts/system-packages, the one list of Debian packages.

The script runs here against stand-ins for dpkg-query, apt-get, id and sudo on a PATH that holds
nothing else, so that packages can be missing on a machine that has them: the stand-in dpkg
reports the packages of `missing` as not installed, the stand-in apt-get records how it was
called and installs them. (scripts/fresh-machine-test does it for real: `make test` in a new
Debian root without the packages; see README.md.)
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "system-packages"
BASH = shutil.which("bash")

FAKES = {
    "dpkg-query": """
package = sys.argv[-1]
if package in state["missing"]:
    sys.exit(f"dpkg-query: no packages found matching {package}")
print("install ok installed", end="")
""",
    "apt-get": """
state["calls"].append({"argv": sys.argv[1:], "uid": os.environ.get("FAKE_UID", "1000"),
                       "frontend": os.environ.get("DEBIAN_FRONTEND")})
if os.environ.get("FAKE_UID") != "0" or state.get("apt_fails"):
    save(); sys.exit("E: Could not open lock file (are you root?)")
if sys.argv[1] == "install":
    state["missing"] = [p for p in state["missing"] if p not in sys.argv[2:]]
""",
    "id": """print(os.environ.get("FAKE_UID", "1000"))""",
    "sudo": """
state["calls"].append({"argv": ["sudo", *sys.argv[1:]]})
save()
args, env = sys.argv[1:], {**os.environ, "FAKE_UID": "0"}
while "=" in args[0]:
    key, value = args.pop(0).split("=", 1)
    env[key] = value
os.execvpe(args[0], args, env)
""",
}
PRELUDE = """#!{python}
import json, os, sys
path = os.environ["FAKE_STATE"]
state = json.load(open(path))
def save():
    json.dump(state, open(path, "w"))
"""


class Machine:
    """A PATH of stand-ins and the state they share: which packages are missing, what ran."""

    def __init__(self, tmp_path, *, missing, uid="1000", sudo=False, npm=True, apt_fails=False):
        self.bin, self.state = tmp_path / "bin", tmp_path / "state.json"
        self.bin.mkdir(parents=True)
        self.state.write_text(json.dumps({"missing": missing, "calls": [],
                                          "apt_fails": apt_fails}))
        fakes = {name: body for name, body in FAKES.items() if sudo or name != "sudo"}
        if npm:
            fakes["npm"] = "pass"
        for name, body in fakes.items():
            path = self.bin / name
            path.write_text(PRELUDE.format(python=sys.executable) + body + "\nsave()\n")
            path.chmod(0o755)
        self.env = {"PATH": str(self.bin), "FAKE_STATE": str(self.state), "FAKE_UID": uid}

    def run(self, *args):
        return subprocess.run([BASH, SCRIPT, *args], env=self.env, capture_output=True,
                              text=True, timeout=60)

    @property
    def calls(self):
        return json.loads(self.state.read_text())["calls"]

    @property
    def missing(self):
        return json.loads(self.state.read_text())["missing"]


APT_INSTALL = ["install", "-y", "-q", "--no-install-recommends"]


def test_as_root_the_missing_packages_are_installed_with_apt(tmp_path):
    machine = Machine(tmp_path, missing=["poppler-utils", "chromium"], uid="0")
    result = machine.run("test")
    assert result.returncode == 0, result.stderr
    assert "installing Debian packages: poppler-utils chromium" in result.stdout
    assert [call["argv"] for call in machine.calls] == [
        ["update", "-q"], [*APT_INSTALL, "poppler-utils", "chromium"]]
    assert {call["frontend"] for call in machine.calls} == {"noninteractive"}
    assert machine.missing == []


def test_nothing_is_installed_when_nothing_is_missing(tmp_path):
    machine = Machine(tmp_path, missing=[], uid="0")
    result = machine.run("test")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert machine.calls == []


def test_without_root_sudo_installs_them(tmp_path):
    machine = Machine(tmp_path, missing=["postgresql"], sudo=True)
    assert machine.run("test").returncode == 0
    assert [call["argv"] for call in machine.calls] == [
        ["sudo", "DEBIAN_FRONTEND=noninteractive", "apt-get", "update", "-q"],
        ["update", "-q"],
        ["sudo", "DEBIAN_FRONTEND=noninteractive", "apt-get", *APT_INSTALL, "postgresql"],
        [*APT_INSTALL, "postgresql"]]
    assert {call.get("uid") for call in machine.calls if call["argv"][0] != "sudo"} == {"0"}
    assert machine.missing == []


def test_without_root_or_sudo_it_prints_the_one_command_and_stops(tmp_path):
    machine = Machine(tmp_path, missing=["poppler-utils", "chromium"])
    result = machine.run("test")
    assert result.returncode == 1
    assert machine.calls == []
    assert "needs Debian packages that are not installed: poppler-utils chromium" in result.stderr
    assert "you are neither" in result.stderr
    assert ("su -c 'apt-get update && apt-get install -y --no-install-recommends poppler-utils "
            "chromium'") in result.stderr


def test_check_only_says_what_is_missing(tmp_path):
    machine = Machine(tmp_path, missing=["chromium"], uid="0")
    result = machine.run("--check", "test")
    assert result.returncode == 1 and machine.calls == []
    assert "not installed: chromium" in result.stderr and "--check" in result.stderr


def test_a_failing_apt_get_stops_with_the_command(tmp_path):
    machine = Machine(tmp_path, missing=["chromium"], uid="0", apt_fails=True)
    result = machine.run("test")
    assert result.returncode == 1
    assert "apt-get update failed" in result.stderr
    assert "apt-get install -y --no-install-recommends chromium" in result.stderr


@pytest.mark.parametrize("group, wanted, not_wanted", [
    ("run", {"python3-venv", "libpango-1.0-0", "fonts-dejavu-core"}, {"chromium", "postgresql"}),
    ("test", {"python3-venv", "libpango-1.0-0", "poppler-utils", "chromium", "postgresql"}, set()),
])
def test_each_group_asks_for_its_packages(tmp_path, group, wanted, not_wanted):
    every = sorted(wanted | not_wanted)
    machine = Machine(tmp_path, missing=every, uid="0")
    assert machine.run(group).returncode == 0
    installed = set(machine.calls[-1]["argv"][len(APT_INSTALL):])
    assert wanted <= installed and not (not_wanted & installed)


def test_node_and_npm_come_from_debian_only_without_an_npm(tmp_path):
    machine = Machine(tmp_path, missing=["nodejs", "npm"], uid="0", npm=False)
    assert machine.run("test").returncode == 0
    assert machine.calls[-1]["argv"][len(APT_INSTALL):] == ["nodejs", "npm"]
    with_npm = Machine(tmp_path / "other", missing=["nodejs", "npm"], uid="0")
    assert with_npm.run("test").returncode == 0 and with_npm.calls == []


def test_the_suite_says_at_the_start_what_is_missing(tmp_path):
    """No test runs, so no test fails for want of pdftotext or chromium: one message instead."""
    machine = Machine(tmp_path, missing=["poppler-utils", "chromium"])
    env = {**os.environ, **machine.env, "PATH": f"{machine.bin}:{os.environ['PATH']}"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:xdist",
                             "tests/register/test_healthz.py"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, output
    assert "not installed: poppler-utils chromium" in output
    assert "apt-get install -y --no-install-recommends poppler-utils chromium" in output
    assert "passed" not in output and "failed" not in output


def test_make_and_ci_ask_the_script_first():
    env = {key: value for key, value in os.environ.items()
           if key not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}  # under `make test` too

    def commands(*target):
        return subprocess.run(["make", "--dry-run", "--always-make", *target], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60).stdout.splitlines()

    assert commands("run")[0] == "scripts/system-packages run"
    assert commands("test")[0] == "scripts/system-packages test"
    assert "scripts/system-packages test" in (ROOT / ".ci" / "run").read_text()


def test_the_fresh_machine_subset_names_tests_that_exist():
    """CI runs scripts/fresh-machine-test after `make test`: a moved test file fails here first."""
    text = (ROOT / "scripts" / "fresh-machine-test").read_text()
    named = set(re.findall(r"tests/[\w/]+\.py", text))
    assert named
    assert [path for path in sorted(named) if not (ROOT / path).exists()] == []
