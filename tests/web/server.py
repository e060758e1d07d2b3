"""Start sl-web on a free port of 127.0.0.1 for a test, and stop it after."""
import os
import subprocess
import urllib.request


class Server:
    def __init__(self, sl_web, *args):
        self.proc = subprocess.Popen(
            [sl_web, "--listen", "127.0.0.1:0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "http://" not in line:
            self.proc.kill()
            raise RuntimeError("sl-web did not start: " + line + self.proc.stderr.read())
        self.url = line[line.index("http://"):].strip()
        host_port = self.url[len("http://"):].rstrip("/")
        self.host, port = host_port.rsplit(":", 1)
        self.port = int(port)

    def stop(self):
        self.proc.terminate()
        try:
            rc = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return rc


def programs_dir(sl_web):
    here = os.path.dirname(os.path.abspath(sl_web))
    for d in (here, os.path.join(here, "..", "examples")):
        if os.path.exists(os.path.join(d, "sl-plan")):
            return os.path.normpath(d)
    raise RuntimeError("no sl-plan beside " + sl_web)
