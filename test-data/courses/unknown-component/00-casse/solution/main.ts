console.log("bonjour", 2);
