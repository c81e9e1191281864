// Runs before the page is drawn: the phone menu starts closed only where the script that opens it runs.
document.documentElement.classList.add("js");
