console.log("bonjour");
