"""jieba's dictionary as govkg loads it: fast to import, and the same words and tags as jieba's own."""

from __future__ import annotations

import subprocess
import sys


def test_jieba_is_imported_without_pkg_resources_and_still_finds_its_files():
    code = (
        "import sys\n"
        "from govkg.text.segment import Segmenter\n"
        "assert 'pkg_resources' not in sys.modules, 'pkg_resources was imported'\n"
        "import jieba\n"
        "with jieba.dt.get_dict_file() as fh:\n"
        "    assert fh.readline().split()[0], 'dict.txt unreadable'\n"
        "print(Segmenter.load().cut('推进卧龙湖大桥建设'))\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('pkg_resources'):\n"  # setuptools installed: hidden only while jieba imported
        "    import pkg_resources\n"
        "    print(pkg_resources.__name__)\n"
        "else:\n"
        "    print('pkg_resources')\n"
    )
    proc = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    words, name = proc.stdout.splitlines()
    assert "建设" in words and name == "pkg_resources"


def test_tags_are_those_of_jieba_dict_file():
    from govkg.text.dictionary import default_dictionary, jieba

    tags = default_dictionary().tags
    with jieba.dt.get_dict_file() as fh:
        lines = [raw.decode("utf-8").split() for raw, _ in zip(fh, range(2000))]
    assert all(tags[word] == tag for word, _, tag in lines) and len(tags) > 300_000
