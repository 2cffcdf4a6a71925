// The baseline to beat: the questionnaire rendered by SurveyJS the plain way, with its default CSS and no first screen.
import 'survey-core/survey-core.min.css';
import { END_OF_GROUP_V1 } from '@stegvis/questionnaires';
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';

renderSurvey(new Model(END_OF_GROUP_V1), document.getElementById('root')!);
