# Drives a program through a pseudo-terminal, as a learner at a terminal would: waits, types,
# waits. Usage: pty-drive.py '[[seconds, "keys"], ...]' PROGRAM ARGS...
# Prints {"out": what the terminal showed, "exit": the program's exit status} as JSON.
import fcntl, json, os, pty, select, struct, sys, termios, time

steps = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
out = b""


def pump(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            out += data
    return True


for delay, keys in steps:
    if not pump(delay):
        break
    os.write(fd, keys.encode())
pump(5)
_, status = os.waitpid(pid, 0)
code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
sys.stdout.write(json.dumps({"out": out.decode(errors="replace"), "exit": code}))
