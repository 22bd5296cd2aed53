"""The load benchmark must fail when a simulated person saw a page it did not expect, rather
than let that person's thread die quietly and pass on the others' figures."""

from collections import defaultdict

from bench import load_clerks


class FakeBrowser:
    """Answers every request with the same page; records nothing but what was asked."""

    def __init__(self, page, status=200):
        self.page, self.status = page, status
        self.asked = []

    def login(self, username):
        pass

    def request(self, kind, path, data=None):
        self.asked.append((kind, path))
        return self.status, self.page

    csrf = load_clerks.Browser.csrf


def run_clerk(page, status=200):
    outcome = {"accepted": [], "refused": [], "other": []}
    clock = load_clerks.Clock(1, seconds=0.05)
    load_clerks.clerk(FakeBrowser(page, status), "clerk0", [1], clock, outcome)
    return outcome


def test_a_status_form_without_version_counts_as_an_unexpected_answer():
    outcome = run_clerk("<html><title>Inloggen</title></html>")
    assert outcome["other"], "the unexpected page was not counted"
    pk, what, status, text = outcome["other"][0]
    assert (pk, status) == (1, 200) and "Inloggen" in text


def test_a_server_error_on_the_status_form_counts_as_an_unexpected_answer():
    outcome = run_clerk("Server Error (500)", status=500)
    assert outcome["other"]


def test_a_person_whose_thread_fails_fails_the_run():
    errors, outcome = [], defaultdict(list)

    def broken():
        raise RuntimeError("boom")

    load_clerks.guarded(broken, errors, load_clerks.Clock(2, seconds=1))()
    assert errors and "boom" in errors[0][3]
    assert load_clerks.failed(outcome, errors, problems=[])
