"""Start sl-web on a free port of 127.0.0.1 for a test, and stop it after.

Its stderr is the test's (a sanitizer's report lands in the test log).
SL_WEB_WRAPPER runs it under a command (.ci/run: valgrind); stop() returns
the exit status, the wrapper's then. SL_WEB_PROGRAMS: the programs it runs
(--programs), and the tests compare with (.ci/run: ThreadSanitizer's sl-web
runs the plain build's programs)."""
import os
import shlex
import subprocess
import urllib.request


class Server:
    def __init__(self, sl_web, *args):
        wrapper = shlex.split(os.environ.get("SL_WEB_WRAPPER", ""))
        self.proc = subprocess.Popen(
            [*wrapper, sl_web, "--listen", "127.0.0.1:0", *programs_option(), *args],
            stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "http://" not in line:
            self.proc.kill()
            raise RuntimeError("sl-web did not start (its stderr is above): " + line)
        self.url = line[line.index("http://"):].strip()
        host_port = self.url[len("http://"):].rstrip("/")
        self.host, port = host_port.rsplit(":", 1)
        self.port = int(port)

    def stop(self):
        self.proc.terminate()
        try:
            rc = self.proc.wait(timeout=120)  # valgrind checks for leaks at exit
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.proc.stdout.close()
        return rc


def programs_option():
    d = os.environ.get("SL_WEB_PROGRAMS")
    return ["--programs", d] if d else []


def programs_dir(sl_web):
    if os.environ.get("SL_WEB_PROGRAMS"):
        return os.environ["SL_WEB_PROGRAMS"]
    here = os.path.dirname(os.path.abspath(sl_web))
    for d in (here, os.path.join(here, "..", "examples")):
        if os.path.exists(os.path.join(d, "sl-plan")):
            return os.path.normpath(d)
    raise RuntimeError("no sl-plan beside " + sl_web)
