// Reads [{ token, url, params, signature }] as JSON on stdin; prints [{ expected, valid }]:
// Twilio's own signature for each request, and whether Twilio's validator accepts the given one.
import twilio from 'twilio';

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}

const answers = JSON.parse(input).map(({ token, url, params, signature }) => ({
  expected: twilio.getExpectedTwilioSignature(token, url, params),
  valid: signature === undefined ? null : twilio.validateRequest(token, signature, url, params),
}));
process.stdout.write(JSON.stringify(answers));
