"""No traceback on the console for an ordinary error page.

Datasette 0.65's default exception handler prints a traceback with every
local variable (rich's print_exception(show_locals=True)) for each error it
turns into a page, a 404 included, whenever the `rich` package can be
imported. `rich` arrives with frictionless (typer, its command line, needs
it), which `make package` uses. Printing one such traceback takes a second or
more on this machine, on the server's event loop: any client could stall the
site with requests for pages that do not exist, and the log fills with
request internals. Datasette reads the module-level name `rich` each time, so
setting it to None restores the behaviour it has without rich installed (the
error page itself is unchanged).
"""

import datasette.handle_exception

datasette.handle_exception.rich = None
