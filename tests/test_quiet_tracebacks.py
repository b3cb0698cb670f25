"""An error page costs no console traceback (plugins/quiet_tracebacks.py).

`rich` is installed (frictionless needs it), and Datasette 0.65 would print
a traceback with every local variable for each error page it serves.
"""

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.mark.parametrize("path", ["/no-such-page", "/peshawar/no_such_table", "/-/downloads/no-such-file"])
async def test_an_error_page_prints_nothing(datasette, capsys, path):
    response = await datasette.client.get(path)
    assert response.status_code == 404
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    assert printed.out == ""
