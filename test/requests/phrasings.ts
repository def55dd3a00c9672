// How people actually ask for things, and what the parser should understand from each. Titles compare case-insensitively.
import type { MediaType, Quality } from "../../workers/requests/parse.schema";

export interface Phrasing {
  text: string;
  expect: {
    type: MediaType;
    title: string | null;
    year?: number | null;
    seasons?: number[] | null;
    episode?: number | null;
    quality?: Quality | null;
    person?: string | null;
  };
}

export const PHRASINGS: Phrasing[] = [
  // The issue's own examples.
  { text: "Add Breaking Bad in 1080p", expect: { type: "unknown", title: "Breaking Bad", quality: "1080p" } },
  { text: "get me Dune part two in 4k", expect: { type: "unknown", title: "Dune part two", quality: "2160p" } },
  { text: "the office us season 3", expect: { type: "tv", title: "the office us", seasons: [3] } },
  { text: "something by Christopher Nolan from 2010", expect: { type: "unknown", title: null, year: 2010, person: "Christopher Nolan" } },
  // Plain titles, any case and punctuation.
  { text: "breaking bad", expect: { type: "unknown", title: "breaking bad" } },
  { text: "BREAKING BAD!!", expect: { type: "unknown", title: "BREAKING BAD" } },
  { text: "  Severance  ", expect: { type: "unknown", title: "Severance" } },
  { text: '"The Bear"', expect: { type: "unknown", title: "The Bear" } },
  { text: "Oppenheimer.", expect: { type: "unknown", title: "Oppenheimer" } },
  { text: "the wire?", expect: { type: "unknown", title: "the wire" } },
  { text: "Dune: Part Two", expect: { type: "unknown", title: "Dune: Part Two" } },
  { text: "Everything Everywhere All at Once", expect: { type: "unknown", title: "Everything Everywhere All at Once" } },
  { text: "Brooklyn Nine-Nine", expect: { type: "unknown", title: "Brooklyn Nine-Nine" } },
  { text: "Mad Max: Fury Road", expect: { type: "unknown", title: "Mad Max: Fury Road" } },
  // Request words around the title.
  { text: "please add the mandalorian", expect: { type: "unknown", title: "the mandalorian" } },
  { text: "can you get Fargo please", expect: { type: "unknown", title: "Fargo" } },
  { text: "could you please download Whiplash", expect: { type: "unknown", title: "Whiplash" } },
  { text: "I want to watch Arrival", expect: { type: "unknown", title: "Arrival" } },
  { text: "I'd like to watch Past Lives", expect: { type: "unknown", title: "Past Lives" } },
  { text: "grab Prisoners for me", expect: { type: "unknown", title: "Prisoners" } },
  { text: "hey autoarr, add Ted Lasso to my library", expect: { type: "unknown", title: "Ted Lasso" } },
  { text: "download the expanse thanks", expect: { type: "unknown", title: "the expanse" } },
  { text: "add Gladiator to plex", expect: { type: "unknown", title: "Gladiator" } },
  { text: "look up Ex Machina", expect: { type: "unknown", title: "Ex Machina" } },
  // Type hints.
  { text: "add the tv show Succession", expect: { type: "tv", title: "Succession" } },
  { text: "the movie Alien", expect: { type: "movie", title: "Alien" } },
  { text: "Sherlock tv series", expect: { type: "tv", title: "Sherlock" } },
  { text: "Fight Club movie", expect: { type: "movie", title: "Fight Club" } },
  { text: "Chernobyl miniseries", expect: { type: "tv", title: "Chernobyl" } },
  { text: "get the film Parasite", expect: { type: "movie", title: "Parasite" } },
  { text: "add show westworld", expect: { type: "tv", title: "westworld" } },
  { text: "Dark (TV series)", expect: { type: "tv", title: "Dark" } },
  { text: "Blade Runner (film)", expect: { type: "movie", title: "Blade Runner" } },
  { text: "add the series Arcane", expect: { type: "tv", title: "Arcane" } },
  { text: "Spirited Away the movie", expect: { type: "movie", title: "Spirited Away" } },
  // Years.
  { text: "Dune (1984)", expect: { type: "unknown", title: "Dune", year: 1984 } },
  { text: "Dune 2021", expect: { type: "unknown", title: "Dune", year: 2021 } },
  { text: "dune from 2021 in 4k", expect: { type: "unknown", title: "dune", year: 2021, quality: "2160p" } },
  { text: "the 1984 dune movie", expect: { type: "movie", title: "dune", year: 1984 } },
  { text: "Dune, the 1984 version", expect: { type: "unknown", title: "Dune", year: 1984 } },
  { text: "Blade Runner 2049", expect: { type: "unknown", title: "Blade Runner 2049" } },
  { text: "1917", expect: { type: "unknown", title: "1917" } },
  { text: "2001: A Space Odyssey", expect: { type: "unknown", title: "2001: A Space Odyssey" } },
  { text: "The Office (2005)", expect: { type: "unknown", title: "The Office", year: 2005 } },
  { text: "Doctor Who (2005) season 1", expect: { type: "tv", title: "Doctor Who", year: 2005, seasons: [1] } },
  { text: "alien 1979 movie", expect: { type: "movie", title: "alien", year: 1979 } },
  // Seasons and episodes.
  { text: "Stranger Things season 4", expect: { type: "tv", title: "Stranger Things", seasons: [4] } },
  { text: "the office us s03", expect: { type: "tv", title: "the office us", seasons: [3] } },
  { text: "Breaking Bad S05E14", expect: { type: "tv", title: "Breaking Bad", seasons: [5], episode: 14 } },
  { text: "house of the dragon season two", expect: { type: "tv", title: "house of the dragon", seasons: [2] } },
  { text: "seasons 1-3 of The Boys", expect: { type: "tv", title: "The Boys", seasons: [1, 2, 3] } },
  { text: "Friends seasons 1, 2 and 3", expect: { type: "tv", title: "Friends", seasons: [1, 2, 3] } },
  { text: "the first season of True Detective", expect: { type: "tv", title: "True Detective", seasons: [1] } },
  { text: "Severance season 2 episode 9", expect: { type: "tv", title: "Severance", seasons: [2], episode: 9 } },
  { text: "the last of us 2x03", expect: { type: "tv", title: "the last of us", seasons: [2], episode: 3 } },
  { text: "Game of Thrones seasons 1 to 4 in 1080p", expect: { type: "tv", title: "Game of Thrones", seasons: [1, 2, 3, 4], quality: "1080p" } },
  { text: "Seinfeld complete series", expect: { type: "tv", title: "Seinfeld", seasons: null } },
  { text: "episode 3 of season 1 of Andor", expect: { type: "tv", title: "Andor", seasons: [1], episode: 3 } },
  { text: "Parks and Recreation S02", expect: { type: "tv", title: "Parks and Recreation", seasons: [2] } },
  { text: "Fargo s01-s02", expect: { type: "tv", title: "Fargo", seasons: [1, 2] } },
  { text: "the 3rd season of the bear", expect: { type: "tv", title: "the bear", seasons: [3] } },
  // Quality.
  { text: "The Matrix in UHD", expect: { type: "unknown", title: "The Matrix", quality: "2160p" } },
  { text: "Interstellar 2160p", expect: { type: "unknown", title: "Interstellar", quality: "2160p" } },
  { text: "The Godfather in 720p", expect: { type: "unknown", title: "The Godfather", quality: "720p" } },
  { text: "pulp fiction best quality", expect: { type: "unknown", title: "pulp fiction", quality: "best" } },
  { text: "Top Gun: Maverick in the best quality possible", expect: { type: "unknown", title: "Top Gun: Maverick", quality: "best" } },
  { text: "The Shawshank Redemption 4K", expect: { type: "unknown", title: "The Shawshank Redemption", quality: "2160p" } },
  { text: "Inception 1080", expect: { type: "unknown", title: "Inception", quality: "1080p" } },
  { text: "Aliens in HD", expect: { type: "unknown", title: "Aliens", quality: "1080p" } },
  { text: "Poor Things (2023) 4k HDR", expect: { type: "unknown", title: "Poor Things", year: 2023, quality: "2160p" } },
  { text: "the dark knight in full hd", expect: { type: "unknown", title: "the dark knight", quality: "1080p" } },
  // People instead of titles, and extras that have no field.
  { text: "a movie by Denis Villeneuve", expect: { type: "movie", title: null, person: "Denis Villeneuve" } },
  { text: "Oppenheimer directed by Christopher Nolan", expect: { type: "movie", title: "Oppenheimer", person: "Christopher Nolan" } },
  { text: "Dark with english subtitles", expect: { type: "unknown", title: "Dark" } },
  { text: "add the bear season 3 asap", expect: { type: "tv", title: "the bear", seasons: [3] } },
  // Titles that look like request words, years or hints: the hard cases.
  { text: "The Lego Movie", expect: { type: "unknown", title: "The Lego Movie" } },
  { text: "Wonder Woman 1984", expect: { type: "unknown", title: "Wonder Woman 1984" } },
  { text: "That '70s Show", expect: { type: "unknown", title: "That '70s Show" } },
  { text: "Stand by Me", expect: { type: "unknown", title: "Stand by Me" } },
  { text: "Get Out", expect: { type: "unknown", title: "Get Out" } },
  { text: "the truman show in hd", expect: { type: "unknown", title: "the truman show", quality: "1080p" } },
  { text: "Season of the Witch", expect: { type: "unknown", title: "Season of the Witch" } },
  { text: "Blade Runner 2049 in 4K", expect: { type: "unknown", title: "Blade Runner 2049", quality: "2160p" } },
];
