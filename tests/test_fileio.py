import pytest

from govkg.fileio import atomic_write, write_text_atomic


def test_write_replaces_file(tmp_path):
    p = tmp_path / "a" / "out.txt"
    write_text_atomic(p, "新")
    assert p.read_text(encoding="utf-8") == "新"


def test_failure_leaves_old_file_and_no_temp(tmp_path):
    p = tmp_path / "out.txt"
    p.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(p) as fh:
            fh.write("half")
            raise RuntimeError("interrupted")
    assert p.read_text(encoding="utf-8") == "old"
    assert [f.name for f in tmp_path.iterdir()] == ["out.txt"]


def test_written_file_has_normal_permissions(tmp_path):
    import os
    p = tmp_path / "out.txt"
    write_text_atomic(p, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert p.stat().st_mode & 0o777 == 0o666 & ~umask


def test_input_errors_cross_process_boundaries():
    import pickle

    from govkg.errors import InputError

    back = pickle.loads(pickle.dumps(InputError("a.txt", "empty file")))
    assert (back.path, back.reason, str(back)) == ("a.txt", "empty file", "a.txt: empty file")
