from patentrack.cli import app

app(prog_name="patentrack")
