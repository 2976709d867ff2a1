/** The 406 text Redmine answers for a request without `.json` / `.xml` (with its trailing newline). */
export const NOT_ACCEPTABLE_TEXT =
  "We couldn't handle your request, sorry. If you were trying to access the API, make sure to append .json or .xml to your request URL.\n";

/** Redmine's static 404 page (`public/404.html`), served for paths no route matches. */
export const NOT_FOUND_PAGE = `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8" />
  <title>Redmine 404 error</title>
  <style>
    body {font-family: "Trebuchet MS", Georgia, "Times New Roman", serif; color: #303030; margin: 10px;}
    h1 {font-size:1.5em;}
    p {font-size:0.8em;}
  </style>
</head>
<body>
  <h1>Page not found</h1>
  <p>The page you were trying to access doesn't exist or has been removed.</p>
  <p><a href="javascript:history.back()">Back</a></p>
</body>
</html>
`;
