// Served at /atlas/__test/ on the recording origin: puts ?src= (default: the atlas) in the frame.
document.getElementById("phone").src = new URLSearchParams(location.search).get("src") || "../";
