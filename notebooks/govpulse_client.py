"""A small client for the GovPulse API, shared by the analyst notebooks.

Configuration comes from the environment:

GOVPULSE_API_URL      base URL of the API (default http://localhost:8080)
GOVPULSE_API_KEY      an API key (an analyst key is enough, acknowledging a warning needs an admin key)
GOVPULSE_FIGURES      folder where the notebooks save their figures (default: figures/ next to the notebooks)
"""

import os
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import requests

# Charts carry Chinese and English labels. A missing glyph would otherwise print a warning and draw boxes;
# it is an error here so that a notebook run without a CJK font fails instead of saving unreadable charts.
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "WenQuanYi Zen Hei", "SimHei",
             "Microsoft YaHei", "PingFang SC"]
matplotlib.rcParams["font.sans-serif"] = CJK_FONTS + matplotlib.rcParams["font.sans-serif"]
matplotlib.rcParams["font.family"] = "sans-serif"
matplotlib.rcParams["axes.unicode_minus"] = False
warnings.filterwarnings("error", message=r"Glyph .* missing from")


class ApiError(RuntimeError):
    """An error answer of the API, with the problem details it sent."""

    def __init__(self, status, problem, url):
        self.status = status
        self.problem = problem
        detail = problem.get("detail") or problem.get("title") or str(problem)
        fix = problem.get("fix")
        super().__init__(f"{status} from {url}: {detail}" + (f" (fix: {fix})" if fix else ""))


class GovPulse:
    """The API at one base URL with one key. Every method returns parsed JSON or a pandas DataFrame."""

    def __init__(self, url=None, key=None, timeout=120):
        self.url = (url or os.environ.get("GOVPULSE_API_URL") or "http://localhost:8080").rstrip("/")
        self.key = key or os.environ.get("GOVPULSE_API_KEY")
        if not self.key:
            raise RuntimeError("No API key: set GOVPULSE_API_KEY (./govpulse serve prints one on a new warehouse, "
                               "./govpulse keys create --role analyst makes another)")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.key}"

    def _send(self, method, path, **kwargs):
        url = f"{self.url}/api/v1{path}"
        response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if response.status_code >= 400:
            try:
                problem = response.json()
            except ValueError:
                problem = {"detail": response.text[:500]}
            raise ApiError(response.status_code, problem, url)
        return response.json()

    def get(self, path, **params):
        """GET a route under /api/v1; params with None values are left out."""
        return self._send("GET", path, params={k: v for k, v in params.items() if v is not None})

    def post(self, path, body=None):
        return self._send("POST", path, json=body or {})

    def items(self, path, **params):
        """A list route's items as a DataFrame."""
        return pd.DataFrame(self.get(path, **params)["items"])

    def all_warnings(self, **filters):
        """Every warning matching the filters, following the feed's cursor page by page."""
        rows, cursor = [], None
        while True:
            page = self.get("/warnings", cursor=cursor, limit=200, **filters)
            rows.extend(page["items"])
            cursor = page.get("next_cursor")
            if not cursor or not page["items"]:
                return pd.DataFrame(rows)


def figure_path(name):
    """Where to save a figure: GOVPULSE_FIGURES or figures/ beside the notebooks."""
    folder = Path(os.environ.get("GOVPULSE_FIGURES") or Path.cwd() / "figures")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def save(fig, name):
    """Save a figure as PNG (for reports) and return its path."""
    path = figure_path(name)
    fig.savefig(path, dpi=110, bbox_inches="tight")
    return path
