// Next chunk of the roll import as soon as the progress is shown; without script the button does the same.
document.getElementById('next').submit();
