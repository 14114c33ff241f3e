// Passwords of 12+ characters that appear near the top of public breach lists; shorter ones are
// refused by length already. Checked lower-cased.
export const COMMON_PASSWORDS = new Set([
  "123456789012", "1234567890123", "12345678901234", "123123123123", "111111111111", "000000000000",
  "password1234", "password12345", "password123456", "passwordpassword", "password1234!", "password123!",
  "qwertyuiop12", "qwertyuiopasdf", "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc",
  "zaq12wsxcde3", "asdfghjkl123", "iloveyou1234", "letmein12345", "welcome12345", "welcome123456",
  "changeme1234", "administrator", "administrator1", "adminadmin123", "admin1234567", "abc123456789",
  "football1234", "baseball1234", "superman1234", "trustno12345", "sunshine1234", "princess1234",
  "monkey123456", "dragon123456", "starwars1234", "whatever1234", "michael12345", "charlie12345",
  "correcthorsebatterystaple", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234", "passwort1234",
  "motdepasse12", "contraseña12", "1234qwerasdf", "qazwsxedcrfv", "mypassword12", "mypassword123",
  "secretpassword", "supersecret1", "supersecret123", "internet1234", "computer1234", "newpassword1",
  "newpassword123", "summer2023!!", "winter2023!!", "spring2024!!", "autumn2024!!", "12qwaszx12qw",
]);
